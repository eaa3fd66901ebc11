/*
 * PowerDesk C ABI: the rules core behind a handful of C functions, JSON in
 * and JSON out, for billing and metering systems written in any language.
 *
 * Every operation takes a request as UTF-8 JSON text and returns the facade's
 * envelope as UTF-8 JSON text ({"api_version":"1","ok":true,"result":…} or
 * {"api_version":"1","ok":false,"errors":[…]}), documented in docs/api.md.
 * A returned string is owned by the caller and released with powerdesk_free()
 * — the one function that frees anything this library allocates. Functions
 * never return NULL except when memory runs out, and never throw or abort on
 * bad input: bad input is an error envelope with stable codes.
 *
 * Threads: an engine's operations may be called from any number of threads
 * at once; adding packs must not overlap any other call on that engine.
 */
#ifndef POWERDESK_H
#define POWERDESK_H

#include <stddef.h>

#if defined(_WIN32)
#define POWERDESK_API
#else
#define POWERDESK_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* The version of this header; powerdesk_abi_version() gives the library's. */
#define POWERDESK_ABI_VERSION 1

/* The library's ABI version (POWERDESK_ABI_VERSION of the header it was built with). */
POWERDESK_API int powerdesk_abi_version(void);
/* The library's release, e.g. "0.1.0" (static storage; do not free). */
POWERDESK_API const char* powerdesk_version(void);
/* The facade's JSON API version, "1" (static storage; do not free). */
POWERDESK_API const char* powerdesk_api_version(void);

typedef struct powerdesk_engine powerdesk_engine;

/* A new engine with no packs; NULL only when memory runs out. */
POWERDESK_API powerdesk_engine* powerdesk_engine_new(void);
/* Releases an engine (NULL is ignored). */
POWERDESK_API void powerdesk_engine_free(powerdesk_engine* engine);

/*
 * Adds one rule pack from its JSON text (`length` bytes); `name` names it in
 * messages. Returns {"ok":true,…} or the error envelope listing every
 * problem; a refused pack adds nothing.
 */
POWERDESK_API char* powerdesk_add_pack(powerdesk_engine* engine, const char* json, size_t length,
                                       const char* name);
/* Adds every *.json below `directory` (skipping schema/), in path order; the envelope lists every refusal. */
POWERDESK_API char* powerdesk_add_pack_dir(powerdesk_engine* engine, const char* directory);

/*
 * Runs one operation of the facade on `length` bytes of request JSON:
 * "bill", "late-fee", "tier", "eligibility", "process", "validate", "dedupe",
 * "match", "quote", "compare" or "rules" (the packs held; the request is
 * ignored). An unknown operation is an error envelope (PD_ENUM_INVALID).
 */
POWERDESK_API char* powerdesk_call(const powerdesk_engine* engine, const char* operation, const char* request,
                                   size_t length);

/* Frees a string this library returned (NULL is ignored). */
POWERDESK_API void powerdesk_free(char* text);

#ifdef __cplusplus
}
#endif

#endif /* POWERDESK_H */
