# The client and the CLI against the emulator, over loopback.
if(TARGET gpt_image_emulator_headers)
  file(GLOB GPT_IMAGE_INTEGRATION_SOURCES CONFIGURE_DEPENDS
       "${CMAKE_CURRENT_LIST_DIR}/*_test.cpp")
  add_executable(integration_tests ${GPT_IMAGE_INTEGRATION_SOURCES}
                                   "${CMAKE_CURRENT_LIST_DIR}/../unit/main.cpp")
  target_link_libraries(integration_tests PRIVATE gpt_image_under_test gpt_image_emulator_headers
                                                  doctest::doctest)
  target_include_directories(integration_tests PRIVATE "${PROJECT_SOURCE_DIR}/tools"
                                                       "${PROJECT_SOURCE_DIR}/tests")
  gpt_image_project_flags(integration_tests)
  add_test(NAME integration_tests COMMAND integration_tests --no-intro=true)
  set_tests_properties(integration_tests PROPERTIES TIMEOUT 600)
endif()
