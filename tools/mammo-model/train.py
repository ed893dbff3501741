"""Trains the mammography landmark network and exports it to ONNX.

    python3 tools/mammo-model/train.py --data DIR [--data DIR2 ...] --epochs E \
        --out models/mammo-landmarks.onnx --checkpoint /tmp/mammo-landmarks.pt --seed 0 [--init existing.pt]

Prints per-epoch losses and a validation summary on a held-out split (Dice breast / pectoral / IMF, nipple error
in mm, nipple-in-profile accuracy), saves a checkpoint after each epoch and writes the ONNX model (opset 13,
BatchNorm folded, metadata_props set). The same command with the same data, seed and thread count gives the same
ONNX bytes. See tools/mammo-model/README.md.
"""

import argparse
import io
import math
import os
import random
import re
import shlex
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from dataset import Samples, augment, heatmap_target, make_batch, split  # noqa: E402
from model import DEFAULT_WIDTHS, INPUT_HEIGHT, INPUT_WIDTH, LandmarkNet, count_parameters  # noqa: E402

MODEL_VERSION = "mammo-landmarks-1.0"
NIPPLE_SIGMA = 2.0
DECODE_RADIUS = 3


# ----------------------------------------------------------------------------------------------------- losses


def mask_loss(logits, target):
    """BCE plus soft Dice per channel (Dice over the whole batch, so an empty channel, e.g. IMF on CC, is fine)."""
    bce = F.binary_cross_entropy_with_logits(logits, target)
    p = torch.sigmoid(logits)
    inter = (p * target).sum(dim=(0, 2, 3))
    denom = p.sum(dim=(0, 2, 3)) + target.sum(dim=(0, 2, 3))
    dice = 1.0 - (2.0 * inter + 1.0) / (denom + 1.0)
    return bce, dice.mean()


def heatmap_loss(logits, target, valid):
    """Quality focal loss (BCE weighted by |target - p|^2) on the Gaussian target, normalised by the target's mass,
    over the images whose nipple is known."""
    if not bool(valid.any()):
        return logits.sum() * 0.0
    logits, target = logits[valid], target[valid]
    p = torch.sigmoid(logits)
    bce = F.binary_cross_entropy_with_logits(logits, target, reduction="none")
    loss = (target - p).abs().pow(2) * bce
    return loss.sum() / target.sum().clamp(min=1.0)


def profile_loss(logit, profile):
    known = profile >= 0
    if not bool(known.any()):
        return logit.sum() * 0.0
    return F.binary_cross_entropy_with_logits(logit[known, 0], profile[known])


# ---------------------------------------------------------------------------------------------------- metrics


def decode_nipple(logits, radius=DECODE_RADIUS):
    """The decoding the C# side uses: the peak cell, then the sigmoid-weighted mean of the (2r+1)^2 cells around
    it. logits [B,1,H,W] -> (xy [B,2] float64, peak probability [B])."""
    b, _, h, w = logits.shape
    flat = logits.view(b, -1)
    peak = flat.argmax(1)
    py, px = (peak // w).numpy(), (peak % w).numpy()
    prob = torch.sigmoid(logits[:, 0]).double().numpy()
    out = np.zeros((b, 2))
    peaks = np.zeros(b)
    for i in range(b):
        y0, y1 = max(0, py[i] - radius), min(h, py[i] + radius + 1)
        x0, x1 = max(0, px[i] - radius), min(w, px[i] + radius + 1)
        wgt = prob[i, y0:y1, x0:x1]
        ys, xs = np.mgrid[y0:y1, x0:x1]
        s = wgt.sum()
        out[i] = [(wgt * xs).sum() / s, (wgt * ys).sum() / s] if s > 0 else [px[i], py[i]]
        peaks[i] = prob[i, py[i], px[i]]
    return out, peaks


def dice(pred, gt):
    inter = np.logical_and(pred, gt).sum()
    return 2.0 * inter / (pred.sum() + gt.sum())


@torch.no_grad()
def validate(model, samples, idx, batch_size, channels_last):
    model.eval()
    dices = {0: [], 1: [], 2: []}
    false_pos = {1: 0, 2: 0}
    empties = {1: 0, 2: 0}
    errors_mm, peaks = [], []
    correct = known = 0
    for start in range(0, len(idx), batch_size):
        batch = make_batch(samples, idx[start:start + batch_size])
        x = batch.image.contiguous(memory_format=torch.channels_last) if channels_last else batch.image
        masks, nipple, profile = model(x)
        pred = (masks > 0).numpy()
        gt = batch.masks.numpy() > 0.5
        for i in range(pred.shape[0]):
            for c in range(3):
                if gt[i, c].any():
                    dices[c].append(dice(pred[i, c], gt[i, c]))
                elif c > 0:
                    empties[c] += 1
                    if pred[i, c].sum() >= 50:  # about 30 mm^2 at 0.8 mm cells
                        false_pos[c] += 1
        xy, pk = decode_nipple(nipple.float().contiguous())
        for i in range(xy.shape[0]):
            gx, gy = batch.nipple[i].tolist()
            if not math.isnan(gx):
                sx, sy = batch.spacing[i].tolist()
                errors_mm.append(math.hypot((xy[i, 0] - gx) * sx, (xy[i, 1] - gy) * sy))
                peaks.append(pk[i])
            if batch.profile[i] >= 0:
                known += 1
                correct += int((profile[i, 0] > 0).item() == (batch.profile[i] > 0.5).item())
    model.train()
    e = np.array(errors_mm)
    return {
        "n": len(idx),
        "dice_breast": float(np.mean(dices[0])) if dices[0] else float("nan"),
        "dice_pectoral": float(np.mean(dices[1])) if dices[1] else float("nan"),
        "dice_imf": float(np.mean(dices[2])) if dices[2] else float("nan"),
        "n_pectoral": len(dices[1]), "n_imf": len(dices[2]),
        "fp_pectoral": f"{false_pos[1]}/{empties[1]}", "fp_imf": f"{false_pos[2]}/{empties[2]}",
        "nipple_mean_mm": float(e.mean()) if e.size else float("nan"),
        "nipple_median_mm": float(np.median(e)) if e.size else float("nan"),
        "nipple_p95_mm": float(np.percentile(e, 95)) if e.size else float("nan"),
        "nipple_over_10mm": int((e > 10).sum()), "n_nipple": int(e.size),
        "nipple_peak_median": float(np.median(peaks)) if peaks else float("nan"),
        "profile_accuracy": correct / known if known else float("nan"), "n_profile": known,
    }


def format_val(v):
    return (f"Dice breast {v['dice_breast']:.3f}, pectoral {v['dice_pectoral']:.3f} (n={v['n_pectoral']}, "
            f"FP {v['fp_pectoral']}), IMF {v['dice_imf']:.3f} (n={v['n_imf']}, FP {v['fp_imf']}); "
            f"nipple mean {v['nipple_mean_mm']:.2f} mm, median {v['nipple_median_mm']:.2f}, "
            f"p95 {v['nipple_p95_mm']:.2f}, >10 mm {v['nipple_over_10mm']}/{v['n_nipple']}, "
            f"peak p {v['nipple_peak_median']:.2f}; profile accuracy {v['profile_accuracy']:.3f} "
            f"(n={v['n_profile']})")


# ----------------------------------------------------------------------------------------------------- export


def export_onnx(model, path, opset, metadata):
    import warnings

    import onnx

    # torch 1.13 warns about prim::Constant shape inference for the Slice constants; the check below covers shapes.
    warnings.filterwarnings("ignore", message="The shape inference of prim::Constant")

    model = model.to(memory_format=torch.contiguous_format).eval()
    dummy = torch.zeros(1, 1, INPUT_HEIGHT, INPUT_WIDTH)
    buf = io.BytesIO()
    torch.onnx.export(
        model, dummy, buf, export_params=True, opset_version=opset, do_constant_folding=True,
        input_names=["image"], output_names=["masks", "nipple", "nipple_profile"],
        dynamic_axes={"image": {0: "N"}, "masks": {0: "N"}, "nipple": {0: "N"}, "nipple_profile": {0: "N"}},
        training=torch.onnx.TrainingMode.EVAL)
    proto = onnx.load_model_from_string(buf.getvalue())
    del proto.metadata_props[:]
    for k, v in metadata.items():
        entry = proto.metadata_props.add()
        entry.key, entry.value = k, str(v)
    proto.doc_string = "Mammography landmarks: breast/pectoral/IMF masks, nipple heatmap, nipple in profile."
    onnx.checker.check_model(proto)
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "wb") as f:
        f.write(proto.SerializeToString())
    ops = sorted({n.op_type for n in proto.graph.node})
    return os.path.getsize(path), ops


def update_card(card, text):
    """Replaces the block between the training markers of the model card, if the card has them."""
    if not card or not os.path.exists(card):
        return False
    with open(card, encoding="utf-8") as f:
        content = f.read()
    pattern = re.compile(r"(<!-- training:begin -->\n).*?(<!-- training:end -->)", re.S)
    if not pattern.search(content):
        return False
    content = pattern.sub(lambda m: m.group(1) + text + m.group(2), content)
    with open(card, "w", encoding="utf-8") as f:
        f.write(content)
    return True


# ------------------------------------------------------------------------------------------------------- main


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", action="append", required=True, help="exported folder (repeatable)")
    p.add_argument("--epochs", type=int, required=True, help="0 exports the --init checkpoint as it is")
    p.add_argument("--out", required=True, help="ONNX file to write")
    p.add_argument("--checkpoint", help="checkpoint (.pt) to write after each epoch; default: --out with .pt")
    p.add_argument("--init", help="checkpoint to start from (fine-tuning); its widths are used")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--batch-size", type=int, default=8)
    p.add_argument("--lr", type=float, default=3e-3, help="peak learning rate (one-cycle); 5e-4 for fine-tuning")
    p.add_argument("--weight-decay", type=float, default=1e-4)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--val-fraction", type=float, default=0.1)
    p.add_argument("--val-every", type=int, default=1, help="validate every K epochs (always after the last)")
    p.add_argument("--max-samples", type=int, default=0, help="use at most this many training samples (0: all)")
    p.add_argument("--widths", default=",".join(map(str, DEFAULT_WIDTHS)), help="5 channel widths")
    p.add_argument("--heatmap-weight", type=float, default=1.0)
    p.add_argument("--profile-weight", type=float, default=0.5)
    p.add_argument("--no-augment", action="store_true")
    p.add_argument("--bf16", action="store_true",
                   help="bfloat16 autocast for the training forward pass (about 1.5x faster on CPUs with AVX512-BF16); "
                        "validation and export stay float32")
    p.add_argument("--opset", type=int, default=13)
    p.add_argument("--card", help="model card whose training block to rewrite; default: --out with .md")
    return p.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    command = "python3 tools/mammo-model/train.py " + " ".join(shlex.quote(a) for a in (sys.argv[1:] if argv is None else argv))
    torch.set_num_threads(max(1, min(2, args.threads)))
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.use_deterministic_algorithms(True)
    checkpoint = args.checkpoint or os.path.splitext(args.out)[0] + ".pt"
    card = args.card if args.card is not None else os.path.splitext(args.out)[0] + ".md"
    for path in (args.out, checkpoint):
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)

    samples = Samples(args.data)
    train_idx, val_idx = split(samples, args.val_fraction, args.seed)
    if args.max_samples and len(train_idx) > args.max_samples:
        train_idx = sorted(np.random.default_rng(args.seed).choice(train_idx, args.max_samples, replace=False).tolist())
    print(f"data: {', '.join(args.data)}: {samples.summary()}; sources {samples.sources()}; faults {samples.faults()}")
    print(f"split: train {samples.summary(train_idx)}; validation {samples.summary(val_idx)}")

    widths = tuple(int(x) for x in args.widths.split(","))
    init = None
    if args.init:
        init = torch.load(args.init, map_location="cpu")
        widths = tuple(init["widths"])
    model = LandmarkNet(widths)
    if init is not None:
        model.load_state_dict(init["model"])
        print(f"init: {args.init} (epochs {init.get('epochs_total', '?')}, version {init.get('version', '?')})")
    else:
        with torch.no_grad():
            model.head.bias[3] = -4.6  # nipple heatmap starts at p = 0.01 everywhere
    print(f"model: widths {widths}, {count_parameters(model):,} parameters; threads {torch.get_num_threads()}")
    channels_last = True
    model = model.to(memory_format=torch.channels_last)

    steps_per_epoch = len(train_idx) // args.batch_size if len(train_idx) >= args.batch_size else (1 if len(train_idx) >= 2 else 0)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    sched = None
    if args.epochs > 0 and steps_per_epoch > 0:
        sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=args.epochs * steps_per_epoch,
                                                    pct_start=0.15 if init is None else 0.05)
    gen = torch.Generator().manual_seed(args.seed)
    order_rng = np.random.default_rng(args.seed)
    val = None
    run_started = time.perf_counter()
    train_time = 0.0
    for epoch in range(1, args.epochs + 1):
        if steps_per_epoch == 0:
            print("no training samples")
            break
        model.train()
        t0 = time.perf_counter()
        perm = order_rng.permutation(train_idx)
        sums = np.zeros(5)
        for step in range(steps_per_epoch):
            idx = perm[step * args.batch_size:(step + 1) * args.batch_size]
            batch = make_batch(samples, idx)
            if not args.no_augment:
                batch = augment(batch, gen)
            x = batch.image.contiguous(memory_format=torch.channels_last)
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=args.bf16):
                masks, nipple, profile = model(x)
            masks, nipple, profile = masks.float(), nipple.float(), profile.float()
            bce, dsc = mask_loss(masks, batch.masks)
            valid = ~torch.isnan(batch.nipple[:, 0])
            hm = heatmap_loss(nipple, heatmap_target(batch.nipple, NIPPLE_SIGMA), valid)
            pr = profile_loss(profile, batch.profile)
            loss = bce + dsc + args.heatmap_weight * hm + args.profile_weight * pr
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            sched.step()
            sums += [loss.item(), bce.item(), dsc.item(), hm.item(), pr.item()]
        elapsed = time.perf_counter() - t0
        train_time += elapsed
        n = steps_per_epoch * args.batch_size
        m = sums / steps_per_epoch
        line = (f"epoch {epoch}/{args.epochs}: loss {m[0]:.4f} (mask BCE {m[1]:.4f}, Dice {m[2]:.4f}, heatmap {m[3]:.4f}, "
                f"profile {m[4]:.4f}); {elapsed:.0f} s, {elapsed / n * 1000:.0f} s per 1,000 samples")
        if val_idx and (epoch % args.val_every == 0 or epoch == args.epochs):
            tv = time.perf_counter()
            val = validate(model, samples, val_idx, 16, channels_last)
            line += f"; validation ({time.perf_counter() - tv:.0f} s): " + format_val(val)
        print(line, flush=True)
        torch.save({"model": model.state_dict(), "widths": list(widths), "version": MODEL_VERSION,
                    "epochs_total": (init or {}).get("epochs_total", 0) + epoch, "seed": args.seed,
                    "command": command, "validation": val}, checkpoint)

    if args.epochs == 0 and val_idx:
        val = validate(model, samples, val_idx, 16, channels_last)
        print("validation: " + format_val(val))
    if args.epochs == 0 and init is None:
        print("warning: exporting an untrained model (--epochs 0 without --init)")

    s = samples.summary(train_idx)
    folders = ", ".join(os.path.basename(os.path.normpath(d)) for d in args.data)
    training_data = (f"{s['images']} training images ({s['CC']} CC, {s['MLO']} MLO; {s['nipple']} with nipple, "
                     f"{s['inProfile']} in profile) and {len(val_idx)} held out, from {folders}; "
                     f"sources {samples.sources()}; epochs: {args.epochs}"
                     + (f" after {args.init} ({init.get('epochs_total', '?')} epochs)" if init else "")
                     + f"; seed {args.seed}")
    metadata = {
        "version": MODEL_VERSION,
        "input_width": INPUT_WIDTH,
        "input_height": INPUT_HEIGHT,
        "training_data": training_data,
        "created_by": command,
        "nipple_sigma_cells": NIPPLE_SIGMA,
        "nipple_decode": f"peak cell, then sigmoid-weighted mean over the {2 * DECODE_RADIUS + 1}x"
                         f"{2 * DECODE_RADIUS + 1} cells around it",
    }
    if val:
        metadata["validation"] = format_val(val)
    size, ops = export_onnx(model, args.out, args.opset, metadata)
    total = time.perf_counter() - run_started
    print(f"exported {args.out}: {size / 1e6:.2f} MB, opset {args.opset}, ops {', '.join(ops)}")
    print(f"training {train_time:.0f} s, total {total:.0f} s" + (f"; checkpoint {checkpoint}" if args.epochs > 0 else ""))
    block = (f"Trained with `{command}`\n\n- Data: {training_data}.\n"
             f"- Training time: {train_time / 60:.1f} min at {torch.get_num_threads()} threads.\n"
             + (f"- Validation ({val['n']} held-out images): {format_val(val)}.\n" if val else "")
             + f"- ONNX: {size / 1e6:.2f} MB, {count_parameters(model):,} parameters, opset {args.opset}.\n")
    if update_card(card, block):
        print(f"model card {card}: training block updated")


if __name__ == "__main__":
    main()
