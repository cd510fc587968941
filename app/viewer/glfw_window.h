#pragma once
// RAII for GLFW: the library session and one window with an OpenGL 3.3 core context.

#include <string>

#include "render/gl_objects.h"

struct GLFWwindow;

namespace myomap {

class GlfwSession {
public:
    GlfwSession();  ///< throws GlError when no display can be opened
    ~GlfwSession();
    GlfwSession(const GlfwSession&) = delete;
    GlfwSession& operator=(const GlfwSession&) = delete;
};

class Window {
public:
    /// Creates a window with a GL 3.3 core context and makes it current. Throws GlError
    /// with a plain explanation when the driver offers no GL 3.3 core context.
    Window(int width, int height, const std::string& title, bool visible);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    GLFWwindow* handle() const { return window_; }
    bool shouldClose() const;
    void swapBuffers();
    int width() const;   ///< framebuffer pixels
    int height() const;
    float contentScale() const;

private:
    GLFWwindow* window_ = nullptr;
};

}  // namespace myomap
