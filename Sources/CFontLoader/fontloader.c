// The font stack, loaded on demand. The executable is linked with --as-needed and every
// HarfBuzz, FreeType and fontconfig function the big names call is defined here, forwarding
// to the library opened by dlopen; so the libraries (and glib, libpng, expat, graphite and
// their relocations: about 1.5 MB) are not mapped into the screen's process, which only asks
// the letters helper for pixels. Call cfl_font_stack_loaded() before any of them.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

#include "../CFontStack/shim.h"
#include "fontloader.h"

static void *harfbuzz, *freetype, *fontconfig;
static int loaded;
static pthread_once_t once = PTHREAD_ONCE_INIT;

#define FUNCTIONS(X) \
    X(freetype, FT_Error, FT_Init_FreeType, (FT_Library *a), (a)) \
    X(freetype, FT_Error, FT_Done_FreeType, (FT_Library a), (a)) \
    X(freetype, FT_Error, FT_New_Face, (FT_Library a, const char *b, FT_Long c, FT_Face *d), (a, b, c, d)) \
    X(freetype, FT_Error, FT_Done_Face, (FT_Face a), (a)) \
    X(freetype, FT_Error, FT_Set_Pixel_Sizes, (FT_Face a, FT_UInt b, FT_UInt c), (a, b, c)) \
    X(freetype, FT_Error, FT_Load_Glyph, (FT_Face a, FT_UInt b, FT_Int32 c), (a, b, c)) \
    X(harfbuzz, hb_buffer_t *, hb_buffer_create, (void), ()) \
    X(harfbuzz, void, hb_buffer_destroy, (hb_buffer_t *a), (a)) \
    X(harfbuzz, hb_glyph_info_t *, hb_buffer_get_glyph_infos, (hb_buffer_t *a, unsigned int *b), (a, b)) \
    X(harfbuzz, hb_glyph_position_t *, hb_buffer_get_glyph_positions, (hb_buffer_t *a, unsigned int *b), (a, b)) \
    X(harfbuzz, void, hb_buffer_guess_segment_properties, (hb_buffer_t *a), (a)) \
    X(harfbuzz, void, hb_buffer_add_utf8, (hb_buffer_t *a, const char *b, int c, unsigned int d, int e), (a, b, c, d, e)) \
    X(harfbuzz, void, hb_font_destroy, (hb_font_t *a), (a)) \
    X(harfbuzz, void, hb_ft_font_changed, (hb_font_t *a), (a)) \
    X(harfbuzz, hb_font_t *, hb_ft_font_create_referenced, (FT_Face a), (a)) \
    X(harfbuzz, void, hb_shape, (hb_font_t *a, hb_buffer_t *b, const hb_feature_t *c, unsigned int d), (a, b, c, d)) \
    X(fontconfig, FcBool, FcInit, (void), ()) \
    X(fontconfig, FcBool, FcCharSetHasChar, (const FcCharSet *a, FcChar32 b), (a, b)) \
    X(fontconfig, FcBool, FcConfigSubstitute, (FcConfig *a, FcPattern *b, FcMatchKind c), (a, b, c)) \
    X(fontconfig, void, FcDefaultSubstitute, (FcPattern *a), (a)) \
    X(fontconfig, void, FcFontSetDestroy, (FcFontSet *a), (a)) \
    X(fontconfig, FcFontSet *, FcFontSort, (FcConfig *a, FcPattern *b, FcBool c, FcCharSet **d, FcResult *e), (a, b, c, d, e)) \
    X(fontconfig, FcBool, FcPatternAddBool, (FcPattern *a, const char *b, FcBool c), (a, b, c)) \
    X(fontconfig, FcBool, FcPatternAddInteger, (FcPattern *a, const char *b, int c), (a, b, c)) \
    X(fontconfig, FcBool, FcPatternAddString, (FcPattern *a, const char *b, const FcChar8 *c), (a, b, c)) \
    X(fontconfig, FcPattern *, FcPatternCreate, (void), ()) \
    X(fontconfig, void, FcPatternDestroy, (FcPattern *a), (a)) \
    X(fontconfig, FcResult, FcPatternGetBool, (const FcPattern *a, const char *b, int c, FcBool *d), (a, b, c, d)) \
    X(fontconfig, FcResult, FcPatternGetCharSet, (const FcPattern *a, const char *b, int c, FcCharSet **d), (a, b, c, d)) \
    X(fontconfig, FcResult, FcPatternGetInteger, (const FcPattern *a, const char *b, int c, int *d), (a, b, c, d)) \
    X(fontconfig, FcResult, FcPatternGetString, (const FcPattern *a, const char *b, int c, FcChar8 **d), (a, b, c, d))

#define POINTER(library, result, name, parameters, arguments) static result(*real_##name) parameters;
FUNCTIONS(POINTER)

static void load(void) {
    harfbuzz = dlopen("libharfbuzz.so.0", RTLD_NOW | RTLD_LOCAL);
    freetype = dlopen("libfreetype.so.6", RTLD_NOW | RTLD_LOCAL);
    fontconfig = dlopen("libfontconfig.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!harfbuzz || !freetype || !fontconfig) return;
    int found = 1;
#define FIND(library, result, name, parameters, arguments) \
    *(void **)&real_##name = dlsym(library, #name); \
    if (!real_##name) found = 0;
    FUNCTIONS(FIND)
    loaded = found;
}

int cfl_font_stack_loaded(void) {
    pthread_once(&once, load);
    return loaded;
}

#define FORWARD(library, result, name, parameters, arguments) \
    result name parameters { return real_##name arguments; }
FUNCTIONS(FORWARD)
