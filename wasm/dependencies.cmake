# Dependencies of the WASM build.
#
# nlohmann_json: only /usr/include/nlohmann is linked into a private include
# directory (putting /usr/include on em++'s path would mix host headers in).
set(POWERDESK_WASM_INCLUDE ${CMAKE_BINARY_DIR}/wasm-include)
file(MAKE_DIRECTORY ${POWERDESK_WASM_INCLUDE})
if(NOT EXISTS ${POWERDESK_WASM_INCLUDE}/nlohmann)
  file(CREATE_LINK /usr/include/nlohmann ${POWERDESK_WASM_INCLUDE}/nlohmann SYMBOLIC)
endif()
add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
target_include_directories(nlohmann_json::nlohmann_json INTERFACE ${POWERDESK_WASM_INCLUDE})

# ICU 72.1 cross-built by wasm/build-icu.sh into a cache outside the build tree.
set(POWERDESK_ICU_WASM "" CACHE PATH "ICU built for WASM (wasm/build-icu.sh --print-path)")
if(NOT EXISTS "${POWERDESK_ICU_WASM}/lib/libicuuc.a")
  message(FATAL_ERROR "POWERDESK_ICU_WASM='${POWERDESK_ICU_WASM}' holds no ICU build; run wasm/build-icu.sh "
                      "and configure with -DPOWERDESK_ICU_WASM=$(wasm/build-icu.sh --print-path)")
endif()
foreach(part data uc i18n)
  add_library(ICU::${part} STATIC IMPORTED)
endforeach()
set_target_properties(ICU::data PROPERTIES IMPORTED_LOCATION ${POWERDESK_ICU_WASM}/lib/libicudata.a)
set_target_properties(ICU::uc PROPERTIES
  IMPORTED_LOCATION ${POWERDESK_ICU_WASM}/lib/libicuuc.a
  INTERFACE_INCLUDE_DIRECTORIES ${POWERDESK_ICU_WASM}/include
  INTERFACE_LINK_LIBRARIES ICU::data)
set_target_properties(ICU::i18n PROPERTIES
  IMPORTED_LOCATION ${POWERDESK_ICU_WASM}/lib/libicui18n.a
  INTERFACE_INCLUDE_DIRECTORIES ${POWERDESK_ICU_WASM}/include
  INTERFACE_LINK_LIBRARIES ICU::uc)
set(POWERDESK_ICU_DATA_FILE ${POWERDESK_ICU_WASM}/share/powerdesk-icu.dat)
set(POWERDESK_ICU_TEXT_DATA_FILE ${POWERDESK_ICU_WASM}/share/powerdesk-icu-text.dat)
