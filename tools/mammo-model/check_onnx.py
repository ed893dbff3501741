"""Checks an exported landmark model and prints its contract.

    python3 tools/mammo-model/check_onnx.py models/mammo-landmarks.onnx [--checkpoint models/mammo-landmarks.pt]

Runs onnx.checker (full check, with shape inference), prints the opset, inputs and outputs with their shapes, the
operator counts, the parameter count, the file size and metadata_props, and fails (exit 1) when the file breaks the
contract the C# side relies on: input `image` float32 [N,1,320,256]; outputs `masks` [N,3,320,256], `nipple`
[N,1,320,256], `nipple_profile` [N,1], all float32 with a dynamic N; opset 13-17; only operators that ONNX Runtime's
CPU provider runs; metadata version, input_width, input_height, training_data, created_by.
"""

import argparse
import os
import sys
from collections import Counter

import numpy as np
import onnx
from onnx import numpy_helper, shape_inference

EXPECTED_INPUTS = {"image": [None, 1, 320, 256]}
EXPECTED_OUTPUTS = {"masks": [None, 3, 320, 256], "nipple": [None, 1, 320, 256], "nipple_profile": [None, 1]}
ALLOWED_OPS = {"Conv", "Relu", "BatchNormalization", "MaxPool", "Resize", "ConvTranspose", "Concat", "Sigmoid",
               "GlobalAveragePool", "GlobalMaxPool", "Gemm", "Flatten", "Slice", "Constant", "Add", "Mul"}
REQUIRED_METADATA = ("version", "input_width", "input_height", "training_data", "created_by")


def dims(value_info):
    t = value_info.type.tensor_type
    return [d.dim_value if d.HasField("dim_value") else None for d in t.shape.dim], t.elem_type


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("model")
    args = p.parse_args()
    problems = []

    onnx.checker.check_model(args.model, full_check=True)
    model = onnx.load(args.model)
    inferred = shape_inference.infer_shapes(model)
    opsets = {o.domain or "ai.onnx": o.version for o in model.opset_import}
    print(f"file: {args.model}, {os.path.getsize(args.model) / 1e6:.2f} MB")
    print(f"opset: {opsets}; IR version {model.ir_version}; producer {model.producer_name} {model.producer_version}")
    if not 13 <= opsets.get("ai.onnx", 0) <= 17 or len(opsets) != 1:
        problems.append(f"opset {opsets}: expected ai.onnx 13-17 only")

    initializer_names = {i.name for i in model.graph.initializer}
    for kind, values, expected in (("input", model.graph.input, EXPECTED_INPUTS),
                                   ("output", model.graph.output, EXPECTED_OUTPUTS)):
        values = [v for v in values if v.name not in initializer_names]
        for v in values:
            shape, elem = dims(v)
            sym = [d.dim_param or d.dim_value for d in v.type.tensor_type.shape.dim]
            print(f"{kind}: {v.name} {onnx.TensorProto.DataType.Name(elem)} {sym}")
        names = [v.name for v in values]
        if names != list(expected):
            problems.append(f"{kind}s {names}: expected {list(expected)}")
            continue
        for v in values:
            shape, elem = dims(v)
            if elem != onnx.TensorProto.FLOAT:
                problems.append(f"{v.name}: element type {elem}, expected float32")
            if shape != expected[v.name]:
                problems.append(f"{v.name}: shape {shape}, expected {expected[v.name]} (None = dynamic)")
    # Shape inference must agree with the declared output shapes.
    for v in inferred.graph.output:
        shape, _ = dims(v)
        exp = EXPECTED_OUTPUTS.get(v.name)
        if exp and len(shape) == len(exp) and any(a is not None and b is not None and a != b for a, b in zip(shape, exp)):
            problems.append(f"{v.name}: inferred shape {shape}")

    ops = Counter(n.op_type for n in model.graph.node)
    print("operators: " + ", ".join(f"{k} {v}" for k, v in sorted(ops.items())))
    unknown = sorted(set(ops) - ALLOWED_OPS)
    if unknown:
        problems.append(f"operators outside the allowed set: {unknown}")
    params = sum(int(np.prod(numpy_helper.to_array(i).shape)) for i in model.graph.initializer)
    print(f"parameters (initializers): {params:,}")
    for n in model.graph.node:
        if n.op_type == "Resize":
            attrs = {a.name: (a.s.decode() if a.type == onnx.AttributeProto.STRING else a) for a in n.attribute}
            print(f"  Resize {n.name}: mode {attrs.get('mode', 'nearest')}, "
                  f"coordinate_transformation_mode {attrs.get('coordinate_transformation_mode', 'half_pixel')}, "
                  f"nearest_mode {attrs.get('nearest_mode', '-')}")
    meta = {m.key: m.value for m in model.metadata_props}
    for k, v in meta.items():
        print(f"metadata {k}: {v}")
    for k in REQUIRED_METADATA:
        if not meta.get(k):
            problems.append(f"metadata_props lacks {k}")
    if meta.get("input_width") != "256" or meta.get("input_height") != "320":
        problems.append("metadata input_width/input_height are not 256/320")
    size = os.path.getsize(args.model)
    if size >= 20e6:
        problems.append(f"file is {size / 1e6:.1f} MB (limit 20 MB)")

    if problems:
        for pr in problems:
            print("PROBLEM: " + pr)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
