"""What a reader sees, read from screenshots: the contrast of what the browser drew (WCAG 1.4.11)."""

from __future__ import annotations

import io

from PIL import Image


def luminance(rgb) -> float:
    def channel(value: int) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    red, green, blue = (channel(v) for v in rgb[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one, other) -> float:
    lighter, darker = sorted([luminance(one), luminance(other)], reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def edge_contrast(page, control) -> tuple[float, float]:
    """(against the page, against its own inside) for an unchosen control's edge.

    Read along the control's middle row: the page's colour just left of it, its inside at its
    centre, and its edge as the pixel of its left rim that stands out most from the page.
    """
    box = control.bounding_box()
    margin = 3
    shot = page.screenshot(clip={"x": box["x"] - margin, "y": box["y"] + box["height"] / 2,
                                 "width": box["width"] + 2 * margin, "height": 1})
    image = Image.open(io.BytesIO(shot)).convert("RGB")
    pixels = image.load()
    row = [pixels[x, 0] for x in range(image.width)]
    around, inside = row[0], row[len(row) // 2]
    rim = row[margin: margin + max(3, round(box["width"] / 4))]
    edge = max(rim, key=lambda pixel: contrast(pixel, around))
    return contrast(edge, around), contrast(edge, inside)
