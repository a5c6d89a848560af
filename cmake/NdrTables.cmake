# Bounce reason keywords: sdk/data/ndr/reasons.toml compiled into C++ tables by
# scripts/gen_ndr_tables.py.

find_package(Python3 3.11 REQUIRED COMPONENTS Interpreter)

set(MAILDIAG_NDR_REASONS_DATA "${PROJECT_SOURCE_DIR}/sdk/data/ndr/reasons.toml")
set(MAILDIAG_NDR_TABLES_GENERATOR "${PROJECT_SOURCE_DIR}/scripts/gen_ndr_tables.py")
set(MAILDIAG_NDR_REASON_TABLES "${MAILDIAG_GENERATED_INCLUDE_DIR}/maildiag/ndr/reason_keywords.inc")

add_custom_command(
  OUTPUT "${MAILDIAG_NDR_REASON_TABLES}"
  COMMAND Python3::Interpreter "${MAILDIAG_NDR_TABLES_GENERATOR}"
          --data "${MAILDIAG_NDR_REASONS_DATA}"
          --header "${MAILDIAG_NDR_REASON_TABLES}"
  DEPENDS "${MAILDIAG_NDR_TABLES_GENERATOR}" "${MAILDIAG_NDR_REASONS_DATA}"
          "${PROJECT_SOURCE_DIR}/sdk/data/bounce-reasons.toml"
  COMMENT "Compiling the bounce reason keywords (sdk/data/ndr)"
  VERBATIM)
list(APPEND MAILDIAG_GENERATED_HEADERS "${MAILDIAG_NDR_REASON_TABLES}")

if(MAILDIAG_BUILD_TESTS AND NOT EMSCRIPTEN)
  add_test(NAME ndr.tables_generator_validation
           COMMAND Python3::Interpreter "${PROJECT_SOURCE_DIR}/tests/ndr/test_gen_ndr_tables.py")
endif()
