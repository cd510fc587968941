# Draws the same view twice, with the visible shells and with every triangle (--draw-all),
# and compares the two at full resolution: leaving out what the body hides must not show.
separate_arguments(args UNIX_COMMAND "${ARGS}")
foreach(mode shell all)
  set(extra "")
  if(mode STREQUAL "all")
    set(extra "--draw-all")
  endif()
  execute_process(COMMAND "${MYOMAP}" --screenshot "${OUT}-${mode}.png" ${args} ${extra}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "myomap --screenshot (${mode}) failed (${rc}):\n${out}\n${err}")
  endif()
endforeach()
# Threshold 24 of 255 per channel; at most 0.03% of the pixels (a pinhole here and there in a
# crack between muscles; a missing muscle or a hole the size of a knot mark is far more).
execute_process(COMMAND ${CMAKE_COMMAND} -E env MYOMAP_UPDATE_BASELINES=0
                        "${COMPARE}" "${OUT}-shell.png" "${OUT}-all.png" "${OUT}-diff.png" 24 0.0003 1
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the visible shell changes the picture (${NAME}); diff image ${OUT}-diff.png")
endif()
