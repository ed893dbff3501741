#!/usr/bin/python3
"""Writes synthetic Part 10 instances for the network benchmark (never committed): one study, one series,
COUNT instances of ROWS x COLUMNS 16-bit MONOCHROME2 pixels in explicit VR little endian, spread over SPLIT
sub-folders part0..part{SPLIT-1} so that parallel senders can each take one."""
import argparse
import os

import numpy as np
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

SOP_CLASS = {"MR": "1.2.840.10008.5.1.4.1.1.4", "MG": "1.2.840.10008.5.1.4.1.1.1.2"}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--out", required=True)
    p.add_argument("--count", type=int, required=True)
    p.add_argument("--rows", type=int, required=True)
    p.add_argument("--columns", type=int, required=True)
    p.add_argument("--modality", choices=SOP_CLASS, required=True)
    p.add_argument("--split", type=int, default=8)
    a = p.parse_args()
    rng = np.random.default_rng(1)
    # Noise over a gradient: realistic size, not compressible by accident, same for every instance (fast).
    pixels = (np.add.outer(np.arange(a.rows), np.arange(a.columns)) % 4096
              + rng.integers(0, 64, (a.rows, a.columns))).astype("<u2").tobytes()
    study, series = generate_uid(), generate_uid()
    for i in range(a.count):
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = SOP_CLASS[a.modality]
        meta.MediaStorageSOPInstanceUID = generate_uid()
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds = Dataset()
        ds.file_meta = meta
        ds.is_little_endian, ds.is_implicit_VR = True, False
        ds.SOPClassUID, ds.SOPInstanceUID = meta.MediaStorageSOPClassUID, meta.MediaStorageSOPInstanceUID
        ds.StudyInstanceUID, ds.SeriesInstanceUID = study, series
        ds.PatientName, ds.PatientID, ds.Modality = "BENCH^NETWORK", "BENCH", a.modality
        ds.InstanceNumber = i + 1
        ds.Rows, ds.Columns = a.rows, a.columns
        ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
        ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 12, 11, 0
        ds.PixelData = pixels
        folder = os.path.join(a.out, f"part{i % a.split}")
        os.makedirs(folder, exist_ok=True)
        ds.save_as(os.path.join(folder, f"{a.modality}{i:05d}.dcm"), write_like_original=False)


if __name__ == "__main__":
    main()
