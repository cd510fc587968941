#pragma once
// Unit shapes for diagram marks (technique tools, arrows): placed by a transform, they
// match GuideShape's conventions. Triangles wind counter-clockwise seen from outside.

#include "core/geometry/mesh.h"

namespace myomap {

/// Radius 1 about the origin.
Mesh unitSphere(int rings = 12, int segments = 20);
/// Radius 1 about the z axis, from z = 0 to z = 1, with both ends closed.
Mesh unitCylinder(int segments = 20);
/// Base of radius 1 at z = 0, tip at (0, 0, 1), base closed.
Mesh unitCone(int segments = 20);
/// The cube from -0.5 to 0.5, flat-shaded.
Mesh unitBox();

}  // namespace myomap
