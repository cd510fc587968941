#pragma once
// Move-only RAII owners of OpenGL names. Creation failures throw GlError with a message
// that says what was being made.

#include <epoxy/gl.h>

#include <string>
#include <utility>

#include "core/support/errors.h"

namespace myomap {

/// An OpenGL call or resource failed (shader compile, link, framebuffer, context).
class GlError : public MyomapError {
public:
    using MyomapError::MyomapError;
};

template <void (*Delete)(GLuint)>
class GlHandle {
public:
    GlHandle() = default;
    explicit GlHandle(GLuint id) : id_(id) {}
    GlHandle(GlHandle&& o) noexcept : id_(std::exchange(o.id_, 0)) {}
    GlHandle& operator=(GlHandle&& o) noexcept {
        if (this != &o) {
            reset();
            id_ = std::exchange(o.id_, 0);
        }
        return *this;
    }
    GlHandle(const GlHandle&) = delete;
    GlHandle& operator=(const GlHandle&) = delete;
    ~GlHandle() { reset(); }

    GLuint get() const { return id_; }
    void reset() {
        if (id_) Delete(id_);
        id_ = 0;
    }

private:
    GLuint id_ = 0;
};

namespace gldelete {
inline void buffer(GLuint id) { glDeleteBuffers(1, &id); }
inline void vertexArray(GLuint id) { glDeleteVertexArrays(1, &id); }
inline void program(GLuint id) { glDeleteProgram(id); }
inline void shader(GLuint id) { glDeleteShader(id); }
inline void framebuffer(GLuint id) { glDeleteFramebuffers(1, &id); }
inline void renderbuffer(GLuint id) { glDeleteRenderbuffers(1, &id); }
}  // namespace gldelete

using GlBuffer = GlHandle<gldelete::buffer>;
using GlVertexArray = GlHandle<gldelete::vertexArray>;
using GlProgramHandle = GlHandle<gldelete::program>;
using GlShaderHandle = GlHandle<gldelete::shader>;
using GlFramebuffer = GlHandle<gldelete::framebuffer>;
using GlRenderbuffer = GlHandle<gldelete::renderbuffer>;

inline GlBuffer makeBuffer() {
    GLuint id = 0;
    glGenBuffers(1, &id);
    if (!id) throw GlError("could not create an OpenGL buffer");
    return GlBuffer(id);
}

inline GlVertexArray makeVertexArray() {
    GLuint id = 0;
    glGenVertexArrays(1, &id);
    if (!id) throw GlError("could not create an OpenGL vertex array");
    return GlVertexArray(id);
}

}  // namespace myomap
