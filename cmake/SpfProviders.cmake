# Known SPF includes: sdk/data/spf/providers.toml compiled into a C++ table by
# scripts/gen_spf_providers.py.

find_package(Python3 3.11 REQUIRED COMPONENTS Interpreter)

set(MAILDIAG_SPF_PROVIDERS_DATA "${PROJECT_SOURCE_DIR}/sdk/data/spf/providers.toml")
set(MAILDIAG_SPF_PROVIDERS_GENERATOR "${PROJECT_SOURCE_DIR}/scripts/gen_spf_providers.py")
set(MAILDIAG_SPF_PROVIDERS_TABLE "${MAILDIAG_GENERATED_INCLUDE_DIR}/maildiag/spf/providers.inc")

add_custom_command(
  OUTPUT "${MAILDIAG_SPF_PROVIDERS_TABLE}"
  COMMAND Python3::Interpreter "${MAILDIAG_SPF_PROVIDERS_GENERATOR}"
          --data "${MAILDIAG_SPF_PROVIDERS_DATA}"
          --header "${MAILDIAG_SPF_PROVIDERS_TABLE}"
  DEPENDS "${MAILDIAG_SPF_PROVIDERS_GENERATOR}" "${MAILDIAG_SPF_PROVIDERS_DATA}"
  COMMENT "Compiling the known SPF providers (sdk/data/spf)"
  VERBATIM)
list(APPEND MAILDIAG_GENERATED_HEADERS "${MAILDIAG_SPF_PROVIDERS_TABLE}")
