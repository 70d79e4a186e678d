# Runs one compile-fail case (tests/compile_fail/<name>.cpp) with one compiler and one standard.
# The case must fail to compile with -DGPT_IMAGE_COMPILE_FAIL, with diagnostics matching the regex of
# its `// expect-error: ` line, and its passing twin (the same file without the macro) must compile
# warning-free. Both are required: a case that fails for an unrelated reason, or whose twin is broken,
# proves nothing. (WILL_FAIL with a regex inverts the wrong thing, hence this script.)
# -D COMPILER=... -D STD=17|20 -D SOURCE=... -D INCLUDE_DIR=...
file(STRINGS "${SOURCE}" expect_line REGEX "^// expect-error: " LIMIT_COUNT 1)
if(NOT expect_line)
  message(FATAL_ERROR "${SOURCE}: no `// expect-error: <regex>` line")
endif()
string(REGEX REPLACE "^// expect-error: *" "" expected "${expect_line}")

set(flags -std=c++${STD} -fsyntax-only -Wall -Wextra -Wpedantic -Werror -I "${INCLUDE_DIR}")
execute_process(COMMAND "${COMPILER}" ${flags} -DGPT_IMAGE_COMPILE_FAIL "${SOURCE}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0)
  message(FATAL_ERROR "${SOURCE} (C++${STD}): compiled, but must fail to compile")
endif()
if(NOT "${out}${err}" MATCHES "${expected}")
  message(FATAL_ERROR "${SOURCE} (C++${STD}): failed to compile, but the diagnostics do not match "
                      "`${expected}`:\n${out}${err}")
endif()

execute_process(COMMAND "${COMPILER}" ${flags} "${SOURCE}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${SOURCE} (C++${STD}): the passing twin does not compile:\n${out}${err}")
endif()
