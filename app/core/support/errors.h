#pragma once
// Typed errors thrown by the core library. Callers at the boundary (main, a panel, a
// command) catch MyomapError and show what() to the user; nothing below exits.

#include <stdexcept>
#include <string>

namespace myomap {

/// Base of every error the core throws; what() is a complete, user-readable sentence.
class MyomapError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A source mesh file is missing, truncated or not a glTF/GLB we can read.
class MeshFileError : public MyomapError {
public:
    using MyomapError::MyomapError;
};

/// A source mesh file the catalog names is not there (as opposed to there but unreadable):
/// the importer lists every missing one together instead of stopping at the first.
class MissingSourceError : public MeshFileError {
public:
    using MeshFileError::MeshFileError;
};

/// The anatomy sources folder is missing or incomplete.
class SourcesError : public MyomapError {
public:
    using MyomapError::MyomapError;
};

/// A catalog or layer table has a malformed line (message names file:line).
class CatalogError : public MyomapError {
public:
    using MyomapError::MyomapError;
};

/// The runtime pack is missing, truncated, or from another pack version.
class PackError : public MyomapError {
public:
    using MyomapError::MyomapError;
};

/// The importer could not build a pack (message names the catalog entry or file).
class ImportError : public MyomapError {
public:
    using MyomapError::MyomapError;
};

/// A command-line argument is unknown or malformed (message names the argument).
class ArgumentError : public MyomapError {
public:
    using MyomapError::MyomapError;
};

/// A knowledge-base file is malformed (message names file:line).
class ContentError : public MyomapError {
public:
    using MyomapError::MyomapError;
};

}  // namespace myomap
