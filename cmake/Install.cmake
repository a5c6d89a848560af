# Install rules: headers, the libraries, a CMake package (config + version) and a pkg-config file.
include(CMakePackageConfigHelpers)

set(MAILDIAG_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/maildiag")

install(DIRECTORY "${PROJECT_SOURCE_DIR}/sdk/include/" "${PROJECT_SOURCE_DIR}/bindings/c/include/"
        "${MAILDIAG_GENERATED_INCLUDE_DIR}/"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
        FILES_MATCHING PATTERN "*.hpp" PATTERN "*.h" PATTERN "*.inc")

set(MAILDIAG_EXPORTED_TARGETS maildiag maildiag_header_only)
if(TARGET maildiag_resolver)
  list(APPEND MAILDIAG_EXPORTED_TARGETS maildiag_resolver)
endif()
install(TARGETS ${MAILDIAG_EXPORTED_TARGETS}
        EXPORT maildiag-targets
        ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
        LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}"
        RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
install(EXPORT maildiag-targets
        NAMESPACE maildiag::
        FILE maildiag-targets.cmake
        DESTINATION "${MAILDIAG_CMAKE_DIR}")
# Lets a project use this build tree directly, without installing.
export(EXPORT maildiag-targets NAMESPACE maildiag::
       FILE "${PROJECT_BINARY_DIR}/maildiag-targets.cmake")

configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/maildiag-config.cmake.in"
  "${PROJECT_BINARY_DIR}/maildiag-config.cmake"
  INSTALL_DESTINATION "${MAILDIAG_CMAKE_DIR}")
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/maildiag-config-version.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/maildiag-config.cmake"
              "${PROJECT_BINARY_DIR}/maildiag-config-version.cmake"
        DESTINATION "${MAILDIAG_CMAKE_DIR}")

# The pkg-config file locates the prefix relative to itself, so the installed tree can move
# (and `cmake --install --prefix` works).
file(RELATIVE_PATH MAILDIAG_PC_TO_PREFIX "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
configure_file("${PROJECT_SOURCE_DIR}/cmake/maildiag.pc.in" "${PROJECT_BINARY_DIR}/maildiag.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/maildiag.pc" DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")

if(TARGET maildiag_cli)
  install(TARGETS maildiag_cli RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
endif()
