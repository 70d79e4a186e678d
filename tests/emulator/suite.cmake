# The emulator's tests (tools/emulator), run in-process over loopback. Included by
# tests/CMakeLists.txt. The emulator is a tool, not part of the single header, so the suite is
# built with the tools and always against include/.
if(GPT_IMAGE_BUILD_TOOLS AND NOT GPT_IMAGE_TEST_SINGLE_INCLUDE AND TARGET gpt_image::httplib)
  find_package(ZLIB REQUIRED)
  add_executable(emulator_tests "${CMAKE_CURRENT_LIST_DIR}/main.cpp"
                                "${CMAKE_CURRENT_LIST_DIR}/emulator_test.cpp")
  target_link_libraries(emulator_tests PRIVATE gpt_image::httplib doctest::doctest ZLIB::ZLIB)
  gpt_image_project_flags(emulator_tests)
  add_test(NAME emulator_tests COMMAND emulator_tests --no-intro=true)
  set_tests_properties(emulator_tests PROPERTIES TIMEOUT 300)
endif()
