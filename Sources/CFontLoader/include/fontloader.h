#ifndef CFONTLOADER_H
#define CFONTLOADER_H

// Loads HarfBuzz, FreeType and fontconfig with dlopen the first time it is called, and says
// whether every function the big names use was found. Until then none of the three is in the
// process: the screen's process never loads them (the letters helper does), see fontloader.c.
int cfl_font_stack_loaded(void);

#endif
