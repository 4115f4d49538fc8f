"""What makes a sheet an archive document: its real creation time and XMP metadata.

A school archives signed sheets (PDF/A-2b is what archives ask for). The XMP packet names the
trainee, the period, the version and the document ID, declares PDF/A-2b, and repeats the
document information dictionary (title, author, subject, dates, producer) as PDF/A requires;
pyHanko keeps the packet when it signs and updates its modification date and producer in both
places. The creation date is the time the sheet was made (signed, or printed as a draft): the
same sheet made at the same time gives the same bytes, so rendering stays reproducible.
"""

from __future__ import annotations

import re
import struct
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any
from xml.sax.saxutils import escape as _escape

from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFCatalog,
    PDFDictionary,
    PDFName,
    PDFStream,
    PDFString,
)

# reportlab's own name; a sheet made to be signed names pyHanko, which signs it and would
# otherwise leave the Info dictionary and the XMP packet naming different producers.
PRODUCER = "ReportLab PDF Library - (opensource)"
CREATOR = "MentorDesk"
NAMESPACE = "https://mentordesk.org/ns/assessment-sheet/1.0/"
PREFIX = "mdsheet"
# The sheet's own properties, declared in the packet's PDF/A extension schema.
PROPERTIES = (
    ("Trainee", "The trainee's name"),
    ("TraineeID", "The school's trainee ID"),
    ("PeriodStart", "First day of the assessed period"),
    ("PeriodEnd", "Last day of the assessed period"),
    ("Version", "Version of the assessment: 1, then one more for each amendment"),
    ("DocumentID", "The document ID printed on every page: assessment UID and version"),
    ("State", "draft or signed"),
)


# Where an ICC profile's header says when it was made (year, month, day, hour, minute,
# second), and the moment the sRGB profile of every sheet says.
ICC_DATE = slice(24, 36)
PROFILE_MADE = (2026, 1, 1, 0, 0, 0)

# What XML 1.0 cannot hold at all, even escaped: a name typed with a control character
# would otherwise make the packet unreadable (and pyHanko's signing with it).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape(value: str) -> str:
    return _escape(NOT_XML.sub("", value))


@dataclass(frozen=True)
class ArchiveInfo:
    title: str
    author: str
    subject: str
    trainee: str
    trainee_id: str
    period_start: str
    period_end: str
    version: int
    document_id: str
    assessment_uid: str
    state: str
    created: datetime
    language: str = "en"
    producer: str = PRODUCER


def timestamp(created: datetime) -> TimeStamp:
    """reportlab's time stamp for ``created``, in UTC (what the Info dates are written from)."""
    stamp = TimeStamp(1)
    when = created.astimezone(UTC)
    stamp.t = when.timestamp()
    stamp.lt = time.gmtime(int(stamp.t))
    stamp.YMDhms = tuple(stamp.lt)[:6]
    stamp.dhh = stamp.dmm = 0
    stamp.tzname = "UTC"
    return stamp


def xmp_date(created: datetime) -> str:
    return created.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _alt(value: str, lang: str = "x-default") -> str:
    return f'<rdf:Alt><rdf:li xml:lang="{lang}">{escape(value)}</rdf:li></rdf:Alt>'


def xmp_packet(info: ArchiveInfo) -> bytes:
    """The XMP packet: Dublin Core, XMP basic and PDF properties equal to the Info
    dictionary's, PDF/A-2b identification, XMP media management IDs, and the sheet's own."""
    when = xmp_date(info.created)
    declared = "".join(
        '<rdf:li rdf:parseType="Resource">'
        f"<pdfaProperty:name>{name}</pdfaProperty:name>"
        "<pdfaProperty:valueType>Text</pdfaProperty:valueType>"
        "<pdfaProperty:category>external</pdfaProperty:category>"
        f"<pdfaProperty:description>{escape(text)}</pdfaProperty:description>"
        "</rdf:li>"
        for name, text in PROPERTIES
    )
    own = {
        "Trainee": info.trainee,
        "TraineeID": info.trainee_id,
        "PeriodStart": info.period_start,
        "PeriodEnd": info.period_end,
        "Version": str(info.version),
        "DocumentID": info.document_id,
        "State": info.state,
    }
    values = "".join(f"<{PREFIX}:{k}>{escape(v)}</{PREFIX}:{k}>" for k, v in own.items())
    text = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
 xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
 xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
 xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
 xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#"
 xmlns:{PREFIX}="{NAMESPACE}">
<dc:format>application/pdf</dc:format>
<dc:title>{_alt(info.title)}</dc:title>
<dc:creator><rdf:Seq><rdf:li>{escape(info.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description>{_alt(info.subject)}</dc:description>
<dc:language><rdf:Bag><rdf:li>{escape(info.language)}</rdf:li></rdf:Bag></dc:language>
<xmp:CreateDate>{when}</xmp:CreateDate>
<xmp:ModifyDate>{when}</xmp:ModifyDate>
<xmp:MetadataDate>{when}</xmp:MetadataDate>
<xmp:CreatorTool>{CREATOR}</xmp:CreatorTool>
<pdf:Producer>{escape(info.producer)}</pdf:Producer>
<pdf:Keywords></pdf:Keywords>
<pdf:Trapped>False</pdf:Trapped>
<xmpMM:DocumentID>uuid:{escape(info.assessment_uid)}</xmpMM:DocumentID>
<xmpMM:VersionID>{info.version}</xmpMM:VersionID>
<pdfaid:part>2</pdfaid:part>
<pdfaid:conformance>B</pdfaid:conformance>
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>MentorDesk assessment sheet</pdfaSchema:schema>
<pdfaSchema:namespaceURI>{NAMESPACE}</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>{PREFIX}</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq>{declared}</rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
{values}
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return text.encode("utf-8")


class MetadataStream(PDFStream):
    """The XMP packet as the catalog's /Metadata: never compressed, so that an archive's
    tools (and PDF/A) can read it as it is."""

    def __init__(self, packet: bytes) -> None:
        super().__init__(
            PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}), packet
        )

    def format(self, document: Any) -> bytes:
        saved = document.defaultStreamFilters
        document.defaultStreamFilters = None
        try:
            return bytes(super().format(document))
        finally:
            document.defaultStreamFilters = saved


def stamp_archive(canvas: Any, info: ArchiveInfo) -> None:
    """Give the canvas's document its creation time and XMP packet (before it is saved)."""
    doc = canvas._doc
    doc._timeStamp = timestamp(info.created)
    doc.Catalog.Metadata = MetadataStream(xmp_packet(info))
    profile = srgb_profile()
    if profile:
        icc = PDFStream(PDFDictionary({"N": 3}), profile)
        intent = PDFDictionary(
            {
                "Type": PDFName("OutputIntent"),
                "S": PDFName("GTS_PDFA1"),
                "OutputConditionIdentifier": PDFString("sRGB"),
                "RegistryName": PDFString("http://www.color.org"),
                "Info": PDFString("sRGB IEC61966-2.1"),
                "DestOutputProfile": doc.Reference(icc),
            }
        )
        # reportlab's catalog writes only the keys it knows: this one takes the output intent.
        doc.Catalog.__NoDefault__ = [*PDFCatalog.__NoDefault__, "OutputIntents"]
        doc.Catalog.OutputIntents = PDFArray([intent])


@cache
def srgb_profile() -> bytes:
    """An sRGB ICC profile (made by Pillow's littleCMS), for the PDF/A output intent: the
    sheet's colours are device RGB and grey, which PDF/A reads through it."""
    try:
        from PIL import ImageCms
    except ImportError:  # Pillow without littleCMS: the sheet goes without an output intent
        return b""
    profile = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    # littleCMS stamps the profile with the time it was made: a fixed one keeps the same
    # sheet made at the same time the same bytes in every process.
    profile[ICC_DATE] = struct.pack(">6H", *PROFILE_MADE)
    return bytes(profile)
