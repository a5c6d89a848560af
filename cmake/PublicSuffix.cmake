# Compiles the Public Suffix List into the SDK as a sorted C++ table (scripts/gen_psl.py).
#
# The list is data maintained by others: point MAILDIAG_PUBLIC_SUFFIX_LIST at a newer copy to
# refresh it without touching any source. The default is where Debian's `publicsuffix` package
# puts it.
set(MAILDIAG_PUBLIC_SUFFIX_LIST "/usr/share/publicsuffix/public_suffix_list.dat"
    CACHE FILEPATH "Public Suffix List (public_suffix_list.dat) compiled into maildiag")

if(NOT EXISTS "${MAILDIAG_PUBLIC_SUFFIX_LIST}")
  message(FATAL_ERROR
    "maildiag: the Public Suffix List was not found at '${MAILDIAG_PUBLIC_SUFFIX_LIST}'. "
    "Install Debian's publicsuffix package or set MAILDIAG_PUBLIC_SUFFIX_LIST.")
endif()

find_package(Python3 COMPONENTS Interpreter REQUIRED)

set(_maildiag_psl_table "${MAILDIAG_GENERATED_INCLUDE_DIR}/maildiag/psl/suffix_table.inc")
file(MAKE_DIRECTORY "${MAILDIAG_GENERATED_INCLUDE_DIR}/maildiag/psl")
add_custom_command(
  OUTPUT "${_maildiag_psl_table}"
  COMMAND Python3::Interpreter "${PROJECT_SOURCE_DIR}/scripts/gen_psl.py"
          "${MAILDIAG_PUBLIC_SUFFIX_LIST}" "${_maildiag_psl_table}"
  DEPENDS "${PROJECT_SOURCE_DIR}/scripts/gen_psl.py" "${MAILDIAG_PUBLIC_SUFFIX_LIST}"
  COMMENT "Compiling the Public Suffix List"
  VERBATIM)
list(APPEND MAILDIAG_GENERATED_HEADERS "${_maildiag_psl_table}")
