# Flags for the project's own programs and tests: warnings are errors, and the test-suite variants
# (sanitizers, -fno-exceptions) apply to everything built here, never to consumers.
set(GPT_IMAGE_WARNING_FLAGS -Wall -Wextra -Wpedantic -Werror)

function(gpt_image_project_flags target)
  target_compile_options(${target} PRIVATE ${GPT_IMAGE_WARNING_FLAGS})
  if(GPT_IMAGE_TEST_NO_EXCEPTIONS)
    target_compile_options(${target} PRIVATE -fno-exceptions)
    # doctest drops REQUIRE without exceptions unless asked to keep it (it then aborts the test).
    target_compile_definitions(${target} PRIVATE DOCTEST_CONFIG_NO_EXCEPTIONS_BUT_WITH_ALL_ASSERTS)
  endif()
  if(GPT_IMAGE_TEST_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=${GPT_IMAGE_TEST_SANITIZE}
                                             -fno-omit-frame-pointer -fno-sanitize-recover=all)
    target_link_options(${target} PRIVATE -fsanitize=${GPT_IMAGE_TEST_SANITIZE})
  endif()
endfunction()
