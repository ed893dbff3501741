"""Reading the exported training folders, the train/validation split, batches, augmentation and targets.

A folder (written by tools/MammoDataset, or by make_fake_dataset.py) holds:
  inputs.u8   N x 320 x 256 bytes, row-major; value / 255 is the model input (canonical orientation, chest wall left)
  labels.u8   N x 320 x 256 bytes; bit 1 breast (incl. pectoral), bit 2 pectoral muscle, bit 4 IMF region
  meta.jsonl  one JSON object per line: index, view, laterality, nipple [x, y] (model grid, cell centres at
              integers) or null, nippleInProfile, pectoralEdge, pixelSpacingMm [sx, sy], faults, source
"""

import hashlib
import json
import math
import os
from collections import Counter

import numpy as np
import torch
import torch.nn.functional as F

from model import INPUT_HEIGHT as H, INPUT_WIDTH as W

CELLS = H * W


class Folder:
    """One exported folder; images and labels stay memory-mapped."""

    def __init__(self, path):
        self.path = path
        meta_path = os.path.join(path, "meta.jsonl")
        with open(meta_path, encoding="utf-8") as f:
            self.meta = [json.loads(line) for line in f if line.strip()]
        n = len(self.meta)
        for name in ("inputs.u8", "labels.u8"):
            size = os.path.getsize(os.path.join(path, name))
            if size != n * CELLS:
                raise ValueError(f"{path}/{name}: {size} bytes, expected {n} x {H} x {W} = {n * CELLS} "
                                 f"for the {n} lines of meta.jsonl")
        for i, m in enumerate(self.meta):
            if m.get("index", i) != i:
                raise ValueError(f"{meta_path}: line {i + 1} has index {m.get('index')}")
        self.inputs = np.memmap(os.path.join(path, "inputs.u8"), np.uint8, "r", shape=(n, H, W)) if n else \
            np.zeros((0, H, W), np.uint8)
        self.labels = np.memmap(os.path.join(path, "labels.u8"), np.uint8, "r", shape=(n, H, W)) if n else \
            np.zeros((0, H, W), np.uint8)


class Samples:
    """All samples of one or more folders, addressed by a global index, with per-sample arrays of the metadata
    the training needs."""

    def __init__(self, paths):
        self.folders = [Folder(p) for p in paths]
        self.where = [(fi, i) for fi, f in enumerate(self.folders) for i in range(len(f.meta))]
        metas = [self.folders[fi].meta[i] for fi, i in self.where]
        self.metas = metas
        n = len(metas)
        self.is_cc = np.array([str(m.get("view", "")).upper() == "CC" for m in metas], bool)
        self.nipple = np.full((n, 2), np.nan, np.float32)
        self.profile = np.full(n, -1.0, np.float32)  # -1: unknown (no nipple)
        self.spacing = np.ones((n, 2), np.float32)
        for k, m in enumerate(metas):
            if m.get("nipple") is not None:
                self.nipple[k] = m["nipple"]
                if m.get("nippleInProfile") is not None:
                    self.profile[k] = 1.0 if m["nippleInProfile"] else 0.0
            if m.get("pixelSpacingMm"):
                self.spacing[k] = m["pixelSpacingMm"]
        # Group key for the split: images of one source (a study or patient, as the exporter names it) stay together.
        self.groups = [str(m.get("source", "")) or f"{self.folders[fi].path}#{i}" for m, (fi, i) in zip(metas, self.where)]

    def __len__(self):
        return len(self.where)

    def arrays(self, idx):
        """Images and labels (uint8, [B, H, W]) of the given global indices."""
        img = np.empty((len(idx), H, W), np.uint8)
        lab = np.empty((len(idx), H, W), np.uint8)
        for j, k in enumerate(idx):
            fi, i = self.where[k]
            img[j] = self.folders[fi].inputs[i]
            lab[j] = self.folders[fi].labels[i]
        return img, lab

    def summary(self, idx=None):
        idx = range(len(self)) if idx is None else idx
        views = Counter("CC" if self.is_cc[k] else "MLO" for k in idx)
        nipples = sum(1 for k in idx if not math.isnan(self.nipple[k, 0]))
        profile = sum(1 for k in idx if self.profile[k] == 1.0)
        return {"images": len(idx), "CC": views.get("CC", 0), "MLO": views.get("MLO", 0),
                "nipple": nipples, "inProfile": profile}

    def sources(self):
        """Counts per data folder and per source prefix (the part of `source` before the first '/')."""
        prefixes = Counter(str(m.get("source", "")).split("/")[0] or "?" for m in self.metas)
        return dict(sorted(prefixes.items()))

    def faults(self):
        return dict(sorted(Counter(f for m in self.metas for f in (m.get("faults") or [])).items()))


def split(samples, val_fraction, seed):
    """Deterministic split by a hash of each sample's group (its `source`), so left/right and CC/MLO images of one
    source land on the same side. Falls back to one group per image when there are too few groups."""
    if val_fraction <= 0:
        return list(range(len(samples))), []
    groups = samples.groups
    if len(set(groups)) < max(10, len(samples) // 20):
        groups = [f"#{k}" for k in range(len(samples))]

    def score(g):
        h = hashlib.sha256(f"{seed}:{g}".encode()).digest()
        return int.from_bytes(h[:8], "little") / 2 ** 64

    val = [k for k, g in enumerate(groups) if score(g) < val_fraction]
    train = [k for k, g in enumerate(groups) if score(g) >= val_fraction]
    if not val and len(samples) > 1:
        val, train = train[-1:], train[:-1]
    return train, val


class Batch:
    """Tensors of one batch: image [B,1,H,W], masks [B,3,H,W] (0/1), nipple [B,2] (x, y; NaN where none),
    profile [B] (1, 0 or -1 unknown), is_cc [B], spacing [B,2] (mm per cell)."""

    def __init__(self, image, masks, nipple, profile, is_cc, spacing):
        self.image, self.masks, self.nipple, self.profile, self.is_cc, self.spacing = \
            image, masks, nipple, profile, is_cc, spacing


def make_batch(samples, idx):
    img, lab = samples.arrays(idx)
    image = torch.from_numpy(img).float().div_(255.0).unsqueeze(1)
    lab_t = torch.from_numpy(lab)
    masks = torch.stack([(lab_t & 1) > 0, (lab_t & 2) > 0, (lab_t & 4) > 0], 1).float()
    idx = np.asarray(idx)
    return Batch(image, masks, torch.from_numpy(samples.nipple[idx].copy()),
                 torch.from_numpy(samples.profile[idx].copy()), torch.from_numpy(samples.is_cc[idx].copy()),
                 torch.from_numpy(samples.spacing[idx].copy()))


def augment(batch, gen):
    """Random geometry and photometry, in place on the batch (torch, so it is cheap next to the network).

    Geometry: scale 0.9-1.1 anchored at the chest wall (column 0 stays the chest wall; a zoom-out leaves background
    on the right, top and bottom, a zoom-in crops there), vertical shift up to 6% of the height, and a vertical flip
    for CC only. Never a horizontal flip. Photometry: contrast, brightness, gamma, Gaussian noise, clipped to [0, 1].
    """
    b = batch.image.shape[0]
    u = lambda *shape: torch.rand(*shape, generator=gen)
    scale = 0.9 + 0.2 * u(b)
    shift = (u(b) * 2 - 1) * 0.06 * H  # cells, vertical
    flip = batch.is_cc & (u(b) < 0.5)
    # Output pixel (x, y) samples the source at xs = x / s, ys = (y - cy - shift) / s + cy (pixel edges at -0.5).
    cy = (H - 1) / 2.0
    ys_sign = torch.where(flip, -1.0, 1.0)
    # Normalised coordinates (align_corners=False): n = (p + 0.5) / size * 2 - 1.
    theta = torch.zeros(b, 2, 3)
    # x: xs + 0.5 = (x + 0.5) / s  ->  nx_s = (nx + 1) / s - 1
    theta[:, 0, 0] = 1.0 / scale
    theta[:, 0, 2] = 1.0 / scale - 1.0
    # y: ys = (yf - cy - shift) / s + cy, yf = flipped output row (y or H-1-y); ny about the centre.
    theta[:, 1, 1] = ys_sign / scale
    theta[:, 1, 2] = -(shift / scale) * 2.0 / H
    grid = F.affine_grid(theta, (b, 1, H, W), align_corners=False)
    batch.image = F.grid_sample(batch.image, grid, mode="bilinear", padding_mode="zeros", align_corners=False)
    batch.masks = F.grid_sample(batch.masks, grid, mode="nearest", padding_mode="zeros", align_corners=False)
    # Landmarks move the other way: output = forward map of the source position.
    nx, ny = batch.nipple[:, 0], batch.nipple[:, 1]
    ox = (nx + 0.5) * scale - 0.5
    oy = (ny - cy) * scale + cy + shift
    oy = torch.where(flip, (H - 1) - oy, oy)
    batch.nipple = torch.stack([ox, oy], 1)
    # A nipple pushed off the grid is no longer a target.
    off = (ox < 0) | (ox > W - 1) | (oy < 0) | (oy > H - 1)
    batch.nipple[off] = float("nan")
    batch.profile = torch.where(off, torch.full_like(batch.profile, -1.0), batch.profile)
    batch.spacing = batch.spacing / scale[:, None]

    x = batch.image
    contrast = 0.75 + 0.5 * u(b, 1, 1, 1)
    brightness = (u(b, 1, 1, 1) * 2 - 1) * 0.08
    gamma = torch.exp((u(b, 1, 1, 1) * 2 - 1) * math.log(1.5))
    x = (x.clamp(0, 1) ** gamma) * contrast + brightness
    noise = torch.randn(x.shape, generator=gen) * (u(b, 1, 1, 1) * 0.03)
    batch.image = (x + noise).clamp_(0, 1)
    return batch


def heatmap_target(nipple, sigma=2.0):
    """Gaussian (peak 1 at the exact, sub-cell position) per sample; zeros where the nipple is NaN. [B,1,H,W]."""
    b = nipple.shape[0]
    ys = torch.arange(H, dtype=torch.float32).view(1, H, 1)
    xs = torch.arange(W, dtype=torch.float32).view(1, 1, W)
    nx = torch.nan_to_num(nipple[:, 0], nan=-1e4).view(b, 1, 1)
    ny = torch.nan_to_num(nipple[:, 1], nan=-1e4).view(b, 1, 1)
    d2 = (xs - nx) ** 2 + (ys - ny) ** 2
    return torch.exp(-d2 / (2 * sigma * sigma)).unsqueeze(1)
