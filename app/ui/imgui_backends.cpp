// Dear ImGui's GLFW and OpenGL 3 backends, compiled from the sources Debian's
// libimgui-dev ships. The OpenGL backend uses libepoxy instead of its bundled loader.
#include <epoxy/gl.h>
#define IMGUI_IMPL_OPENGL_LOADER_CUSTOM
#include "imgui_impl_opengl3.cpp"
#include "imgui_impl_glfw.cpp"
