# Charset tables: scripts/gen_charsets.py turns Python's codecs into the compact tables the MIME
# decoders read (single-byte charsets, JIS X 0208 and the Windows-31J extensions, charset labels),
# so that maildiag decodes mail text the same way natively and in WebAssembly without iconv.
# The second output records what Python's codecs make of every code, for the unit tests.

find_package(Python3 COMPONENTS Interpreter REQUIRED)

set(MAILDIAG_CHARSET_GENERATOR "${PROJECT_SOURCE_DIR}/scripts/gen_charsets.py")
set(_maildiag_charset_tables "${MAILDIAG_GENERATED_INCLUDE_DIR}/maildiag/mime/charset_tables.inc")
set(_maildiag_charset_checks "${MAILDIAG_GENERATED_INCLUDE_DIR}/maildiag/mime/charset_checks.inc")
file(MAKE_DIRECTORY "${MAILDIAG_GENERATED_INCLUDE_DIR}/maildiag/mime")
add_custom_command(
  OUTPUT "${_maildiag_charset_tables}" "${_maildiag_charset_checks}"
  COMMAND Python3::Interpreter "${MAILDIAG_CHARSET_GENERATOR}"
          "${_maildiag_charset_tables}" "${_maildiag_charset_checks}"
  DEPENDS "${MAILDIAG_CHARSET_GENERATOR}"
  COMMENT "Compiling the charset tables"
  VERBATIM)
list(APPEND MAILDIAG_GENERATED_HEADERS "${_maildiag_charset_tables}" "${_maildiag_charset_checks}")
