# Installs the build into a temporary prefix, moves the tree elsewhere (it must be
# relocatable), and runs a query and a screenshot from the moved copy with no help from
# the build tree or the environment.
set(root "${WORK}/install-test")
file(REMOVE_RECURSE "${root}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD}" --prefix "${root}/first" RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${rc})")
endif()
file(RENAME "${root}/first" "${root}/moved")
set(exe "${root}/moved/bin/myomap")
foreach(f share/applications/org.myomap.Myomap.desktop share/metainfo/org.myomap.Myomap.metainfo.xml
          share/icons/hicolor/scalable/apps/org.myomap.Myomap.svg share/myomap/pack/anatomy.pack
          share/myomap/pack/PACK-NOTICE.txt share/myomap/content/areas.yaml share/myomap/shaders/mesh.frag bin/myomap-import)
  if(NOT EXISTS "${root}/moved/${f}")
    message(FATAL_ERROR "the install lacks ${f}")
  endif()
endforeach()
if(EXISTS "${root}/moved/bin/myomap-paths.txt")
  message(FATAL_ERROR "the build tree's paths file must not be installed")
endif()
set(clean_env "${CMAKE_COMMAND}" -E env --unset=MYOMAP_DATA_DIR XDG_DATA_DIRS=/nonexistent)
execute_process(COMMAND ${clean_env} "${exe}" query muscle trapezius_descending WORKING_DIRECTORY /
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "\"id\": \"trapezius_descending\"")
  message(FATAL_ERROR "query from the moved install failed (${rc}): ${err}")
endif()
execute_process(COMMAND ${clean_env} "${exe}" --screenshot "${root}/shot.png" --size 320x200 --select trapezius_descending
                WORKING_DIRECTORY / RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT EXISTS "${root}/shot.png")
  message(FATAL_ERROR "screenshot from the moved install failed (${rc}): ${err}")
endif()
# Without the tree next to it, the program says where it looked.
file(RENAME "${root}/moved/share/myomap" "${root}/moved/share/elsewhere")
execute_process(COMMAND ${clean_env} "${exe}" query muscles RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
if(rc EQUAL 0 OR NOT err MATCHES "cannot find Myomap's data.*share/myomap.*MYOMAP_DATA_DIR")
  message(FATAL_ERROR "a missing data tree was not reported clearly (${rc}): ${err}")
endif()
# MYOMAP_DATA_DIR finds it again.
execute_process(COMMAND "${CMAKE_COMMAND}" -E env "MYOMAP_DATA_DIR=${root}/moved/share/elsewhere" "${exe}" query muscles
                RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "MYOMAP_DATA_DIR was not honoured (${rc}): ${err}")
endif()
file(REMOVE_RECURSE "${root}")
message(STATUS "installed, moved, queried and rendered")
