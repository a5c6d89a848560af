# The knowledge base: sdk/data/kb/*.toml compiled into C++ tables by scripts/gen_kb.py, plus its
# reference page. The build writes the page into the build tree; `cmake --build <dir> --target
# kb-docs` copies it to docs/knowledge-base.md, which is committed with the data (the test
# kb.docs_up_to_date fails when the committed copy is stale).

find_package(Python3 3.11 REQUIRED COMPONENTS Interpreter)

file(GLOB MAILDIAG_KB_DATA CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/sdk/data/kb/*.toml")
set(MAILDIAG_KB_GENERATOR "${PROJECT_SOURCE_DIR}/scripts/gen_kb.py")
set(MAILDIAG_KB_TABLES "${MAILDIAG_GENERATED_INCLUDE_DIR}/maildiag/kb/tables.inc")
set(MAILDIAG_KB_DOCS "${PROJECT_BINARY_DIR}/generated/docs/knowledge-base.md")

add_custom_command(
  OUTPUT "${MAILDIAG_KB_TABLES}" "${MAILDIAG_KB_DOCS}"
  COMMAND Python3::Interpreter "${MAILDIAG_KB_GENERATOR}"
          --data "${PROJECT_SOURCE_DIR}/sdk/data/kb"
          --header "${MAILDIAG_KB_TABLES}"
          --docs "${MAILDIAG_KB_DOCS}"
  DEPENDS "${MAILDIAG_KB_GENERATOR}" ${MAILDIAG_KB_DATA} "${PROJECT_SOURCE_DIR}/sdk/data/bounce-reasons.toml"
  COMMENT "Compiling the knowledge base (sdk/data/kb)"
  VERBATIM)
list(APPEND MAILDIAG_GENERATED_HEADERS "${MAILDIAG_KB_TABLES}")

add_custom_target(kb-docs
  COMMAND ${CMAKE_COMMAND} -E copy "${MAILDIAG_KB_DOCS}" "${PROJECT_SOURCE_DIR}/docs/knowledge-base.md"
  DEPENDS "${MAILDIAG_KB_DOCS}"
  COMMENT "Updating docs/knowledge-base.md from the knowledge base"
  VERBATIM)

if(MAILDIAG_BUILD_TESTS AND NOT EMSCRIPTEN)
  add_test(NAME kb.docs_up_to_date
           COMMAND Python3::Interpreter "${MAILDIAG_KB_GENERATOR}"
                   --data "${PROJECT_SOURCE_DIR}/sdk/data/kb"
                   --check-docs "${PROJECT_SOURCE_DIR}/docs/knowledge-base.md")
  add_test(NAME kb.generator_validation
           COMMAND Python3::Interpreter "${PROJECT_SOURCE_DIR}/tests/kb/test_gen_kb.py")
endif()
