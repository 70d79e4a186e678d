# install(): the headers, a CMake package (find_package(gpt_image CONFIG)) and pkg-config files.
include(CMakePackageConfigHelpers)

set(GPT_IMAGE_CMAKE_DIR "${CMAKE_INSTALL_DATADIR}/cmake/gpt_image")

install(DIRECTORY include/gpt_image DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(TARGETS gpt_image EXPORT gpt_imageTargets)
install(EXPORT gpt_imageTargets NAMESPACE gpt_image:: DESTINATION "${GPT_IMAGE_CMAKE_DIR}")
if(TARGET gpt_image_httplib)
  install(TARGETS gpt_image_httplib EXPORT gpt_imageHttplibTargets)
  install(EXPORT gpt_imageHttplibTargets NAMESPACE gpt_image:: DESTINATION "${GPT_IMAGE_CMAKE_DIR}")
endif()

configure_package_config_file(tools/cmake/gpt_imageConfig.cmake.in
  "${CMAKE_CURRENT_BINARY_DIR}/gpt_imageConfig.cmake"
  INSTALL_DESTINATION "${GPT_IMAGE_CMAKE_DIR}")
# A header-only library works for any architecture.
write_basic_package_version_file("${CMAKE_CURRENT_BINARY_DIR}/gpt_imageConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion ARCH_INDEPENDENT)
install(FILES
  "${CMAKE_CURRENT_BINARY_DIR}/gpt_imageConfig.cmake"
  "${CMAKE_CURRENT_BINARY_DIR}/gpt_imageConfigVersion.cmake"
  tools/cmake/gpt_image_find_httplib.cmake
  DESTINATION "${GPT_IMAGE_CMAKE_DIR}")

foreach(_pc gpt_image gpt_image-httplib)
  configure_file("tools/pkgconfig/${_pc}.pc.in" "${CMAKE_CURRENT_BINARY_DIR}/${_pc}.pc" @ONLY)
  install(FILES "${CMAKE_CURRENT_BINARY_DIR}/${_pc}.pc"
          DESTINATION "${CMAKE_INSTALL_DATADIR}/pkgconfig")
endforeach()
