# Finds cpp-httplib (through its pkg-config file, which carries the feature macros the library was
# built with), OpenSSL and threads. Sets GPT_IMAGE_HTTPLIB_FOUND and GPT_IMAGE_HTTPLIB_LINK.
# Used by the build and, installed next to gpt_imageConfig.cmake, by consumers of the package.
set(GPT_IMAGE_HTTPLIB_FOUND OFF)
set(GPT_IMAGE_HTTPLIB_LINK "")
find_package(PkgConfig QUIET)
find_package(OpenSSL QUIET)
set(THREADS_PREFER_PTHREAD_FLAG ON)
find_package(Threads QUIET)
if(PKG_CONFIG_FOUND AND NOT TARGET PkgConfig::GPT_IMAGE_CPPHTTPLIB)
  pkg_check_modules(GPT_IMAGE_CPPHTTPLIB QUIET IMPORTED_TARGET cpp-httplib)
endif()
if(TARGET PkgConfig::GPT_IMAGE_CPPHTTPLIB AND OpenSSL_FOUND AND Threads_FOUND)
  set(GPT_IMAGE_HTTPLIB_FOUND ON)
  set(GPT_IMAGE_HTTPLIB_LINK PkgConfig::GPT_IMAGE_CPPHTTPLIB OpenSSL::SSL OpenSSL::Crypto
      Threads::Threads)
endif()
