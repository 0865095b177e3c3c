#ifndef CFONTSTACK_SHIM_H
#define CFONTSTACK_SHIM_H

// Fonts for the room's big names: fontconfig finds them, HarfBuzz shapes the text,
// FreeType draws the glyphs (Debian: libharfbuzz-dev, libfreetype-dev, libfontconfig-dev).
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>
#include <hb-ft.h>
#include <fontconfig/fontconfig.h>

// FreeType's load flags and fontconfig's object names are macros Swift cannot import.
static inline int cfs_load_render(void) { return FT_LOAD_RENDER | FT_LOAD_TARGET_NORMAL; }
// Small sizes: hinted to whole pixels and drawn in one bit, so strokes stay crisp.
static inline int cfs_load_render_mono(void) { return FT_LOAD_RENDER | FT_LOAD_TARGET_MONO | FT_LOAD_MONOCHROME; }
static inline int cfs_pixel_mode_mono(void) { return FT_PIXEL_MODE_MONO; }
static inline const char *cfs_fc_file(void) { return FC_FILE; }
static inline const char *cfs_fc_index(void) { return FC_INDEX; }
static inline const char *cfs_fc_charset(void) { return FC_CHARSET; }
static inline const char *cfs_fc_family(void) { return FC_FAMILY; }
static inline const char *cfs_fc_weight(void) { return FC_WEIGHT; }
static inline const char *cfs_fc_scalable(void) { return FC_SCALABLE; }
static inline const char *cfs_fc_color(void) { return FC_COLOR; }
static inline int cfs_fc_weight_bold(void) { return FC_WEIGHT_BOLD; }

#endif
