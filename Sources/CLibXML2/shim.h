#ifndef CABLE_CLIBXML2_SHIM_H
#define CABLE_CLIBXML2_SHIM_H

// libxml2's HTML parser (the tag-soup reader browsers' "save page" files need) and its tree.
// The include path (/usr/include/libxml2) comes from pkg-config's libxml-2.0; it carries no -D
// flags, so SwiftPM's handling of pkg-config is enough here (unlike ncursesw's).
//
// Debian builds libxml2 with ICU, and encoding.h then includes the system's ICU headers, which
// clash with the ICU module Foundation carries. Cable uses none of libxml2's encoding handlers
// (it gives libxml2 UTF-8; see PageEncoding), so the ICU part of the headers is left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#endif
