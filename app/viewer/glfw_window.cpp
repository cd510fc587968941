#include "glfw_window.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>

namespace myomap {

namespace {
std::string lastGlfwError() {
    const char* text = nullptr;
    glfwGetError(&text);
    return text ? text : "no details";
}
}  // namespace

GlfwSession::GlfwSession() {
    if (!glfwInit())
        throw GlError("cannot open a window: GLFW could not start (" + lastGlfwError() +
                      "). Is a display available? For headless use run under xvfb-run.");
}

GlfwSession::~GlfwSession() { glfwTerminate(); }

Window::Window(int width, int height, const std::string& title, bool visible) {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHint(GLFW_SAMPLES, 0);  // multisampling costs llvmpipe more than it gains
    window_ = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
    if (!window_)
        throw GlError("this computer's graphics driver offers no OpenGL 3.3 core context, which Myomap needs (" +
                      lastGlfwError() + "). Update the graphics driver, or use Mesa's software renderer.");
    glfwMakeContextCurrent(window_);
    glfwSetWindowUserPointer(window_, this);
    glfwSetKeyCallback(window_, &Window::onKey);
    if (epoxy_gl_version() < 33) {
        glfwDestroyWindow(window_);
        throw GlError("the OpenGL context is older than 3.3 core; Myomap needs OpenGL 3.3");
    }
}

Window::~Window() {
    if (window_) glfwDestroyWindow(window_);
}

bool Window::shouldClose() const { return glfwWindowShouldClose(window_); }
void Window::swapBuffers() { glfwSwapBuffers(window_); }

glm::ivec2 Window::windowSize() const {
    int w = 0, h = 0;
    glfwGetWindowSize(window_, &w, &h);
    return {w, h};
}

glm::ivec2 Window::framebufferSize() const {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    return {w, h};
}

glm::ivec2 Window::position() const {
    int x = 0, y = 0;
    glfwGetWindowPos(window_, &x, &y);
    return {x, y};
}

void Window::moveTo(glm::ivec2 p) { glfwSetWindowPos(window_, p.x, p.y); }

bool Window::minimised() const { return glfwGetWindowAttrib(window_, GLFW_ICONIFIED) == GLFW_TRUE; }

void Window::onKey(GLFWwindow* window, int key, int, int action, int mods) {
    if (action == GLFW_RELEASE) return;
    if (auto* self = static_cast<Window*>(glfwGetWindowUserPointer(window))) self->keys_.push_back({key, mods});
}

std::vector<Window::KeyEvent> Window::takeKeyEvents() {
    std::vector<KeyEvent> out;
    out.swap(keys_);
    return out;
}

float Window::contentScale() const {
    float x = 1.0f, y = 1.0f;
    glfwGetWindowContentScale(window_, &x, &y);
    return std::max(x, y);
}

}  // namespace myomap

namespace myomap {

void Window::setFullscreen(bool on) {
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    if (!monitor) return;  // no monitor (a headless server): stay a window
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    if (on) glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    else glfwSetWindowMonitor(window_, nullptr, 80, 80, 1280, 800, GLFW_DONT_CARE);
}

}  // namespace myomap
