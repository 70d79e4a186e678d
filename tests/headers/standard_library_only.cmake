# Preprocesses HEADER as its own translation unit, with the project's include directory only, and
# fails when anything outside the standard library is pulled in (nlohmann, httplib, OpenSSL, ...).
# -D COMPILER=... -D HEADER=... -D INCLUDE_DIR=...
execute_process(
  COMMAND "${COMPILER}" -std=c++17 -x c++ -E -H -o /dev/null -I "${INCLUDE_DIR}" "${HEADER}"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${HEADER} does not preprocess on its own:\n${err}")
endif()
# -H lists every included file, one per line, prefixed with dots.
string(REGEX MATCHALL "[^\n]*(nlohmann|httplib|openssl|doctest)[^\n]*" foreign "${err}")
if(foreign)
  message(FATAL_ERROR "${HEADER} must depend on the standard library only, but includes:\n${foreign}")
endif()
# The amalgamated header also compiles with no include path at all.
if(HEADER MATCHES "single_include")
  get_filename_component(name "${HEADER}" NAME_WE)
  set(tu "${CMAKE_CURRENT_BINARY_DIR}/${name}_alone.cpp")
  file(WRITE "${tu}" "#include \"${HEADER}\"\nint main() { return 0; }\n")
  execute_process(
    COMMAND "${COMPILER}" -std=c++17 -fsyntax-only -Wall -Wextra -Wpedantic -Werror "${tu}"
    RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${HEADER} does not compile alone with no include path:\n${err}")
  endif()
endif()
message(STATUS "${HEADER}: standard library only")
