# OpenAI conformance: the bodies the openai encoder writes are validated against OpenAI's official
# schema (tests/data/openai/openai_images_schema.json) with python3-jsonschema.
add_executable(write_openai_bodies "${CMAKE_CURRENT_LIST_DIR}/write_openai_bodies.cpp")
target_link_libraries(write_openai_bodies PRIVATE gpt_image_under_test)
gpt_image_project_flags(write_openai_bodies)
add_test(NAME openai_schema_conformance
  COMMAND /usr/bin/python3 "${CMAKE_CURRENT_LIST_DIR}/check_openai_schema.py"
          --writer $<TARGET_FILE:write_openai_bodies>
          --schema "${PROJECT_SOURCE_DIR}/tests/data/openai/openai_images_schema.json")
