# README.md, docs/c_api.md and docs/python.md show samples/readme_example.{c,py}
# verbatim, so the code they show is the tested code.
foreach(pair "README.md|samples/readme_example.c" "README.md|samples/readme_example.py"
             "docs/c_api.md|samples/readme_example.c" "docs/python.md|samples/readme_example.py")
  string(REPLACE "|" ";" pair "${pair}")
  list(GET pair 0 doc)
  list(GET pair 1 sample)
  file(READ ${ROOT}/${doc} doc_text)
  file(READ ${ROOT}/${sample} sample_text)
  string(FIND "${doc_text}" "${sample_text}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${doc} does not contain ${sample} verbatim; copy it in again")
  endif()
endforeach()
message(STATUS "docs snippets match the samples")
