"""The mammography landmark network: a compact U-Net for CPU inference.

Input  `image`          float32 [N, 1, 320, 256], values in [0, 1] (canonical orientation, chest wall left).
Output `masks`          float32 [N, 3, 320, 256] logits: 0 breast (incl. pectoral), 1 pectoral muscle, 2 IMF region.
       `nipple`         float32 [N, 1, 320, 256] heatmap logits (Gaussian, sigma ~2 cells, at the nipple).
       `nipple_profile` float32 [N, 1] logit: nipple in profile.

The encoder starts with a stride-2 convolution, so the network works at 160 x 128 and below; the heads run at
160 x 128 and their logits are upsampled bilinearly (Resize, half-pixel) to the full grid inside the graph.
Only Conv, Relu, MaxPool, Resize, Concat, GlobalAveragePool, GlobalMaxPool, Flatten, Gemm and Slice appear
in the exported graph (BatchNorm is folded into the convolutions at export).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

INPUT_HEIGHT = 320
INPUT_WIDTH = 256
MASK_CHANNELS = ("breast", "pectoral", "imf")

# Default widths: stem (160x128), then 80x64, 40x32, 20x16, 10x8.
DEFAULT_WIDTHS = (16, 32, 64, 96, 128)


class ConvBnRelu(nn.Sequential):
    def __init__(self, cin, cout, stride=1):
        super().__init__(
            nn.Conv2d(cin, cout, 3, stride=stride, padding=1, bias=False),
            nn.BatchNorm2d(cout),
            nn.ReLU(inplace=True),
        )


class LandmarkNet(nn.Module):
    def __init__(self, widths=DEFAULT_WIDTHS):
        super().__init__()
        w = tuple(int(x) for x in widths)
        if len(w) != 5:
            raise ValueError("widths needs 5 numbers")
        self.widths = w
        w1, w2, w3, w4, w5 = w
        # Encoder.
        self.stem = nn.Sequential(ConvBnRelu(1, w1, stride=2), ConvBnRelu(w1, w1))  # 160 x 128
        self.enc2 = nn.Sequential(ConvBnRelu(w1, w2), ConvBnRelu(w2, w2))  # 80 x 64
        self.enc3 = nn.Sequential(ConvBnRelu(w2, w3), ConvBnRelu(w3, w3))  # 40 x 32
        self.enc4 = nn.Sequential(ConvBnRelu(w3, w4), ConvBnRelu(w4, w4))  # 20 x 16
        self.enc5 = nn.Sequential(ConvBnRelu(w4, w5), ConvBnRelu(w5, w5))  # 10 x 8
        # Decoder: nearest x2, concatenate the skip, one 3x3 convolution per level.
        d4, d3, d2, d1 = w4, w3, w2, w1
        self.dec4 = ConvBnRelu(w5 + w4, d4)
        self.dec3 = ConvBnRelu(d4 + w3, d3)
        self.dec2 = ConvBnRelu(d3 + w2, d2)
        self.dec1 = nn.Sequential(ConvBnRelu(d2 + w1, d1), ConvBnRelu(d1, d1))
        # Heads at 160 x 128: 3 mask logits + 1 nipple logit.
        self.head = nn.Conv2d(d1, 4, 1)
        # Nipple in profile: global context (average of the deepest features) and the strongest local evidence
        # (max over a 40 x 32 decoder map).
        self.profile_local = nn.Sequential(nn.Conv2d(d3, 32, 1), nn.ReLU(inplace=True))
        self.profile_fc = nn.Linear(w5 + 32, 1)

    @staticmethod
    def _up(x):
        return F.interpolate(x, scale_factor=2.0, mode="nearest")

    def forward(self, image):
        e1 = self.stem(image)
        e2 = self.enc2(F.max_pool2d(e1, 2))
        e3 = self.enc3(F.max_pool2d(e2, 2))
        e4 = self.enc4(F.max_pool2d(e3, 2))
        e5 = self.enc5(F.max_pool2d(e4, 2))
        d4 = self.dec4(torch.cat([self._up(e5), e4], 1))
        d3 = self.dec3(torch.cat([self._up(d4), e3], 1))
        d2 = self.dec2(torch.cat([self._up(d3), e2], 1))
        d1 = self.dec1(torch.cat([self._up(d2), e1], 1))
        logits = F.interpolate(self.head(d1), scale_factor=2.0, mode="bilinear", align_corners=False)
        masks = logits[:, 0:3]
        nipple = logits[:, 3:4]
        g = torch.flatten(F.adaptive_avg_pool2d(e5, 1), 1)
        l = torch.flatten(F.adaptive_max_pool2d(self.profile_local(d3), 1), 1)
        profile = self.profile_fc(torch.cat([g, l], 1))
        return masks, nipple, profile


def count_parameters(model):
    return sum(p.numel() for p in model.parameters())
