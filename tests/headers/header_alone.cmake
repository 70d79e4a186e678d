# Compiles one public header as a translation unit of its own, included twice (an include guard or
# #pragma once must hold), warning-free. -D COMPILER, STD_FLAG, HEADER (gpt_image/x.hpp),
# INCLUDE_DIR, EXTRA_FLAGS (;-list: cpp-httplib's feature macros).
string(MAKE_C_IDENTIFIER "${HEADER}" id)
set(tu "${CMAKE_CURRENT_BINARY_DIR}/header_alone_${id}.cpp")
file(WRITE "${tu}" "#include <${HEADER}>\n#include <${HEADER}>\n")
execute_process(
  COMMAND "${COMPILER}" ${STD_FLAG} -fsyntax-only -Wall -Wextra -Wpedantic -Werror ${EXTRA_FLAGS}
          -I "${INCLUDE_DIR}" "${tu}"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
file(REMOVE "${tu}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "<${HEADER}> does not compile on its own:\n${out}${err}")
endif()
