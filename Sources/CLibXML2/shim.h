#ifndef PATUH_CLIBXML2_SHIM_H
#define PATUH_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* libxml2's headers would pull in ICU, and so does Foundation: on a clean build the two
   definitions of UErrorCode clash. Patuh never uses libxml2's ICU API. */
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/SAX2.h>

/* xmlFree is a global function-pointer variable, which Swift 6 rejects as not
   concurrency-safe; call it through here. */
static inline void patuh_xml_free(void *p) { xmlFree(p); }

/* A few libxml2 paths (an encoding error in the middle of a pushed chunk) also print a bare
   line such as "xmlParseChunk: encoder error" to stderr through the generic error channel,
   naming no file. Every one of them is reported through the structured channel too, with
   the file and line; the generic channel (a variadic callback Swift cannot write) is
   silenced, for the calling thread, with this. */
static void patuh_ignore_generic_error(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static inline void patuh_silence_generic_errors(void) { xmlSetGenericErrorFunc(NULL, patuh_ignore_generic_error); }

#endif
