# maildiag_export_only_the_api(TARGET): a shared library exports the C and C++ API and nothing
# else. Hidden visibility (set on the targets) and MAILDIAG_API do most of it; on ELF platforms
# the version script cmake/maildiag.map also keeps the standard library's template instances
# local.
function(maildiag_export_only_the_api target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang" AND NOT APPLE AND NOT WIN32)
    set(_map "${PROJECT_SOURCE_DIR}/cmake/maildiag.map")
    target_link_options(${target} PRIVATE "LINKER:--version-script=${_map}")
    set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${_map}")
  endif()
endfunction()
