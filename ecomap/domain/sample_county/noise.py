"""Deterministic lattice noise for the sample county (terrain, outlines, warps).

Value noise whose lattice values come from a hash of the integer lattice
coordinates and a seed, so any point can be evaluated on its own (a vertex of a
boundary and a pixel of the DEM see the same field) and the result never depends on
the order of evaluation or on numpy's random generators. All functions take and
return numpy arrays; nothing loops in Python over points.
"""

from __future__ import annotations

import zlib

import numpy as np

_M1 = np.uint64(0x9E3779B97F4A7C15)
_M2 = np.uint64(0xC2B2AE3D27D4EB4F)
_M3 = np.uint64(0x165667B19E3779F9)
_S1 = np.uint64(0xBF58476D1CE4E5B9)
_S2 = np.uint64(0x94D049BB133111EB)


def seed_of(name: str) -> int:
    """A stable 32-bit seed for a named stream (layers draw from their own streams)."""
    return zlib.crc32(name.encode("utf-8"))


def rng(name: str, base: int = 20251130) -> np.random.Generator:
    """numpy Generator for one named stream of the sample (independent of the others)."""
    return np.random.default_rng([base, seed_of(name)])


def _hash(ix: np.ndarray, iy: np.ndarray, seed: int) -> np.ndarray:
    """Lattice value in [-1, 1) from integer coordinates (splitmix64 finaliser)."""
    with np.errstate(over="ignore"):
        h = ix.astype(np.int64).view(np.uint64) * _M1
        h ^= iy.astype(np.int64).view(np.uint64) * _M2
        h ^= np.uint64(seed & 0xFFFFFFFF) * _M3
        h ^= h >> np.uint64(30)
        h *= _S1
        h ^= h >> np.uint64(27)
        h *= _S2
        h ^= h >> np.uint64(31)
    return (h >> np.uint64(11)).astype(np.float64) * (2.0 / 9007199254740992.0) - 1.0


def value_noise(x, y, wavelength: float, seed: int) -> np.ndarray:
    """Smooth noise in [-1, 1] with features about ``wavelength`` (map units) apart."""
    gx = np.asarray(x, dtype=np.float64) / wavelength
    gy = np.asarray(y, dtype=np.float64) / wavelength
    ix = np.floor(gx)
    iy = np.floor(gy)
    fx = gx - ix
    fy = gy - iy
    ix = ix.astype(np.int64)
    iy = iy.astype(np.int64)
    u = fx * fx * (3.0 - 2.0 * fx)
    w = fy * fy * (3.0 - 2.0 * fy)
    n00 = _hash(ix, iy, seed)
    n10 = _hash(ix + 1, iy, seed)
    n01 = _hash(ix, iy + 1, seed)
    n11 = _hash(ix + 1, iy + 1, seed)
    a = n00 + (n10 - n00) * u
    b = n01 + (n11 - n01) * u
    return a + (b - a) * w


def _rotated(x, y, k: int):
    """Coordinates turned by a different angle per octave: hides the lattice's axis alignment."""
    a = 0.61803398875 * 2.0 * np.pi * (k + 1)
    ca, sa = np.cos(a), np.sin(a)
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    return ca * x - sa * y, sa * x + ca * y


def fbm(x, y, wavelength: float, octaves: int, seed: int, persistence: float = 0.5,
        lacunarity: float = 2.0) -> np.ndarray:
    """Fractal sum of value noise, normalised so the amplitudes add up to 1."""
    total = np.zeros(np.broadcast(np.asarray(x), np.asarray(y)).shape)
    amp, norm, wl = 1.0, 0.0, float(wavelength)
    for k in range(octaves):
        total += amp * value_noise(*_rotated(x, y, k), wl, seed + 7919 * k)
        norm += amp
        amp *= persistence
        wl /= lacunarity
    return total / norm


def ridged(x, y, wavelength: float, octaves: int, seed: int) -> np.ndarray:
    """Ridged fractal in [0, 1]: sharp crests and V-shaped troughs (loess ridges and gullies)."""
    total = np.zeros(np.broadcast(np.asarray(x), np.asarray(y)).shape)
    amp, norm, wl = 1.0, 0.0, float(wavelength)
    for k in range(octaves):
        total += amp * (1.0 - np.abs(value_noise(*_rotated(x, y, k), wl, seed + 104729 * k)))
        norm += amp
        amp *= 0.5
        wl /= 2.0
    return total / norm


class Warp:
    """A smooth displacement field x → x + d(x) made of value-noise octaves.

    ``octaves`` = [(amplitude, wavelength), ...]. Value noise with a smoothstep fade
    has a slope of at most 3·amplitude/wavelength per axis, so keeping the sum of those
    below 1 makes the warp one-to-one: boundaries shared by neighbouring polygons stay
    shared and nothing folds over.
    """

    def __init__(self, octaves, seed: int):
        self.octaves = tuple((float(a), float(w)) for a, w in octaves)
        self.seed = int(seed)
        slope = sum(3.0 * a / w for a, w in self.octaves)
        if slope >= 1.0:
            raise ValueError(f"warp would fold (slope {slope:.2f} >= 1)")

    def __call__(self, coords: np.ndarray) -> np.ndarray:
        xy = np.asarray(coords, dtype=np.float64)
        x, y = xy[:, 0], xy[:, 1]
        dx = np.zeros_like(x)
        dy = np.zeros_like(y)
        for k, (amp, wl) in enumerate(self.octaves):
            dx += amp * value_noise(x, y, wl, self.seed + 31 * k)
            dy += amp * value_noise(x, y, wl, self.seed + 31 * k + 17)
        return np.column_stack([x + dx, y + dy])
