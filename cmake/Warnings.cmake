# libdiff_set_warnings(target): the project's warning set, applied to our own targets only.
# LIBDIFF_WERROR turns warnings into errors (CI sets it through the presets).
function(libdiff_set_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
    -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
    -Wnull-dereference -Wimplicit-fallthrough -Wformat=2)
  if(LIBDIFF_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# For C sources (the C API test) the C++-only flags do not apply.
function(libdiff_set_c_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion)
  if(LIBDIFF_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
