/*
 * A C program calling PowerDesk: load the packs of a directory, then run one
 * operation on a request file and print the answer.
 *
 *   powerdesk_example RULES_DIR OPERATION REQUEST.json
 *   e.g. powerdesk_example rules bill docs/examples/bill-shanghai-two-part.json
 *
 * Exit status: 0 when the answer is {"ok":true…}, 2 when it is an error
 * envelope, 1 when the program itself fails (files, memory).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "powerdesk.h"

static char* read_file(const char* path, size_t* length) {
  FILE* f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 4096, n = 0;
  char* buf = malloc(cap);
  size_t got;
  while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
    n += got;
    if (n == cap) {
      char* bigger = realloc(buf, cap *= 2);
      if (!bigger) free(buf);
      buf = bigger;
    }
  }
  fclose(f);
  *length = n;
  return buf;
}

/* Envelopes are canonical (keys sorted): a success starts like this. */
static int ok(const char* envelope) {
  static const char kOk[] = "{\"api_version\":\"1\",\"ok\":true";
  return envelope && strncmp(envelope, kOk, sizeof kOk - 1) == 0;
}

int main(int argc, char** argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s RULES_DIR OPERATION REQUEST.json\n", argv[0]);
    return 1;
  }
  if (powerdesk_abi_version() != POWERDESK_ABI_VERSION) {
    fprintf(stderr, "library ABI %d, header ABI %d\n", powerdesk_abi_version(), POWERDESK_ABI_VERSION);
    return 1;
  }
  powerdesk_engine* engine = powerdesk_engine_new();
  if (!engine) return 1;
  char* loaded = powerdesk_add_pack_dir(engine, argv[1]);
  if (!ok(loaded)) {
    fprintf(stderr, "packs refused: %s\n", loaded ? loaded : "(out of memory)");
    powerdesk_free(loaded);
    powerdesk_engine_free(engine);
    return 1;
  }
  powerdesk_free(loaded);

  size_t length = 0;
  char* request = read_file(argv[3], &length);
  if (!request) {
    fprintf(stderr, "cannot read %s\n", argv[3]);
    powerdesk_engine_free(engine);
    return 1;
  }
  char* answer = powerdesk_call(engine, argv[2], request, length);
  free(request);
  int status = answer ? (ok(answer) ? 0 : 2) : 1;
  if (answer) printf("%s\n", answer);
  fprintf(stderr, "PowerDesk %s (ABI %d, API %s)\n", powerdesk_version(), powerdesk_abi_version(), powerdesk_api_version());
  powerdesk_free(answer);
  powerdesk_engine_free(engine);
  return status;
}
