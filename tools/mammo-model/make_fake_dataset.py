"""Writes a synthetic dataset in the exporter's format, for smoke tests and timing only (never for a shipped model).

    python3 tools/mammo-model/make_fake_dataset.py --out /tmp/mammo-fake --count 1000 --seed 0

Each image is a breast-like shape against a dark background in canonical orientation (chest wall at column 0):
CC views are half-ellipses (a thin pectoral sliver at the chest wall in about a third), MLO views add the pectoral
triangle from the axilla (top left) and, in most, abdominal skin below the inframammary fold (bottom left). The
nipple sits at the most anterior point, either protruding from the contour (in profile) or drawn over the breast
(not in profile). Texture is smoothed noise; spacing varies a little around 0.8 mm per cell.

Files: inputs.u8 and labels.u8 (N x 320 x 256 bytes each; label bits 1 breast incl. pectoral, 2 pectoral, 4 IMF
region) and meta.jsonl, as described in tools/mammo-model/README.md.
"""

import argparse
import json
import math
import os

import numpy as np
from scipy import ndimage

H, W = 320, 256


def smooth_noise(rng, sigma, amplitude):
    n = rng.standard_normal((H, W)).astype(np.float32)
    n = ndimage.gaussian_filter(n, sigma)
    n /= n.std() + 1e-6
    return n * amplitude


def make_one(rng, index):
    view = "MLO" if rng.random() < 0.5 else "CC"
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    a = rng.uniform(110, 225)  # anterior extent (cells)
    b = rng.uniform(95, 150) if view == "CC" else rng.uniform(75, 115)  # half height
    cy = rng.uniform(150, 175) if view == "CC" else rng.uniform(145, 195)
    tilt = rng.uniform(-0.15, 0.15) if view == "CC" else rng.uniform(0.05, 0.35)
    # Ellipse in a frame tilted about the chest-wall centre (MLO breasts point a little downwards).
    ct, st = math.cos(tilt), math.sin(tilt)
    u = (xx + 0.5) * ct + (yy - cy) * st
    v = -(xx + 0.5) * st + (yy - cy) * ct
    # Slightly non-elliptical contour: modulate the radius with a low-order harmonic.
    ang = np.arctan2(v / b, u / a)
    c2, p2, c3, p3 = rng.uniform(-0.05, 0.05), rng.uniform(0, 6.28), rng.uniform(-0.03, 0.03), rng.uniform(0, 6.28)
    wobble = 1.0 + c2 * np.cos(2 * ang + p2) + c3 * np.cos(3 * ang + p3)
    w0 = 1.0 + c2 * math.cos(p2) + c3 * math.cos(p3)  # at the anterior point (angle 0)
    rr = np.sqrt((u / a) ** 2 + (v / b) ** 2) / wobble
    breast = rr <= 1.0
    pect = np.zeros((H, W), bool)
    imf = np.zeros((H, W), bool)
    pect_edge = None
    faults = []

    if view == "MLO":
        x0 = rng.uniform(45, 120)  # pectoral width at the top row
        y1 = rng.uniform(140, 300)  # where the pectoral edge meets the chest wall
        bulge = rng.uniform(-8, 12)  # convex (+) or concave (-) anterior border
        t = np.clip(yy / y1, 0, 1)
        edge_x = x0 * (1 - t) + bulge * np.sin(np.pi * t)
        pect = (xx + 0.5 < edge_x) & (yy < y1)
        # Axillary tissue joins the pectoral to the breast at the top.
        top = (yy < cy) & (xx + 0.5 < edge_x + rng.uniform(10, 35) * np.sqrt(np.clip(1 - yy / cy, 0, 1)))
        breast = breast | pect | top
        pect_edge = [[float(x0 - 0.5), 0.0], [0.0, float(y1)]]
        if y1 < cy:
            faults.append("pectoral-short")
        if rng.random() < 0.75:
            # Abdomen below the fold: from the breast's lower contour downwards, near the chest wall.
            width = rng.uniform(25, 90)
            lower = np.where(breast.any(axis=1))[0].max()
            fold_y = min(H - 5, lower + rng.uniform(-25, 5))
            imf = (~breast) & (xx < width * (1 + (yy - fold_y) / 120.0)) & (yy > fold_y)
        else:
            faults.append("imf-not-shown")
    elif rng.random() < 0.35:
        depth = rng.uniform(4, 22)
        half = rng.uniform(30, 70)
        pect = (((yy - cy) / half) ** 2 + ((xx + 0.5) / depth) ** 2 <= 1.0) & breast

    # Nipple: at the most anterior point of the tilted ellipse.
    nx = a * w0 * ct - 0.5
    ny = cy + a * w0 * st
    in_profile = rng.random() < 0.7
    rn = rng.uniform(3.0, 5.5)
    if in_profile:
        nx_c, ny_c = nx + rn * 0.4 * ct, ny + rn * 0.4 * st
        bump = (xx - nx_c) ** 2 + (yy - ny_c) ** 2 <= rn ** 2
        breast = breast | bump
        nipple = [float(nx_c), float(ny_c)]
    else:
        # Rotated breast: the nipple projects over the breast, above or below the anterior point.
        off = rng.uniform(12, 28) * (1 if rng.random() < 0.5 else -1)
        nipple = [float(nx - rng.uniform(6, 16)), float(ny + off)]
        faults.append("nipple-not-in-profile")
    # Keep the exact contour; the nipple may fall outside it when not in profile (clip into the breast).
    nipple[0] = float(np.clip(nipple[0], 2, W - 3))
    nipple[1] = float(np.clip(nipple[1], 2, H - 3))
    if not breast[int(round(nipple[1])), int(round(nipple[0]))] and not in_profile:
        # Move it inwards until it is over the breast.
        for _ in range(40):
            nipple[0] -= 1.0
            if breast[int(round(nipple[1])), int(round(nipple[0]))]:
                break
    pect &= breast
    imf &= ~breast

    # Intensities: background near 0, breast 0.3-0.8 with texture and a skin falloff, pectoral brighter.
    dist = ndimage.distance_transform_edt(breast).astype(np.float32)
    falloff = 1.0 - np.exp(-dist / rng.uniform(6, 18))
    density = rng.uniform(0.1, 0.6)
    img = np.zeros((H, W), np.float32)
    tissue = 0.35 + 0.25 * falloff + density * 0.25 * (smooth_noise(rng, 6, 1.0) * 0.5 + smooth_noise(rng, 2, 0.3))
    img[breast] = tissue[breast]
    img[pect] = (0.75 + 0.1 * falloff + smooth_noise(rng, 4, 0.04))[pect]
    img[imf] = (0.3 + 0.15 * np.clip((yy - yy[imf].min()) / 40, 0, 1) + smooth_noise(rng, 3, 0.04))[imf] \
        if imf.any() else img[imf]
    nd = (xx - nipple[0]) ** 2 + (yy - nipple[1]) ** 2
    if not in_profile:
        img += 0.18 * np.exp(-nd / (2 * rn ** 2)) * breast
    # A bright label in the background, sometimes.
    if rng.random() < 0.3:
        lx, ly = int(rng.uniform(200, 240)), int(rng.uniform(10, 290))
        sub = img[ly:ly + 10, lx:lx + 14]
        bg = ~breast[ly:ly + 10, lx:lx + 14]
        sub[bg] = 0.95
    img += rng.normal(0, rng.uniform(0.005, 0.03), img.shape).astype(np.float32)
    img = np.clip(img, 0, 1)

    labels = (breast.astype(np.uint8) * 1) | (pect.astype(np.uint8) * 2) | (imf.astype(np.uint8) * 4)
    s = rng.uniform(0.72, 0.95)
    meta = {
        "index": index,
        "view": view,
        "laterality": "L" if rng.random() < 0.5 else "R",
        "nipple": nipple,
        "nippleInProfile": bool(in_profile),
        "pectoralEdge": pect_edge,
        "pixelSpacingMm": [round(s, 4), round(s * rng.uniform(0.97, 1.03), 4)],
        "faults": faults,
        "source": f"fake/{index // 2}",
    }
    return (img * 255 + 0.5).astype(np.uint8), labels, meta


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", required=True)
    p.add_argument("--count", type=int, default=1000)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args()
    rng = np.random.default_rng(args.seed)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "inputs.u8"), "wb") as fi, \
            open(os.path.join(args.out, "labels.u8"), "wb") as fl, \
            open(os.path.join(args.out, "meta.jsonl"), "w") as fm:
        for i in range(args.count):
            img, lab, meta = make_one(rng, i)
            fi.write(img.tobytes())
            fl.write(lab.tobytes())
            fm.write(json.dumps(meta) + "\n")
    print(f"wrote {args.count} samples to {args.out}")


if __name__ == "__main__":
    main()
