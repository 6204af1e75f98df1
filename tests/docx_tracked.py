"""A hand-written `word/document.xml` with tracked changes, and its two readings."""
from __future__ import annotations

from load_fixtures import W_NS

REV = 'w:author="审核人" w:date="2024-10-13T00:00:00Z"'
# Written the way Word saves a reviewed 第三条: an amount replaced, a clause deleted with
# its paragraph mark (so 款 1 and 款 2 become one paragraph), a new 款 inserted, a phrase moved.
TRACKED = f"""<w:document xmlns:w="{W_NS}"><w:body>
<w:p><w:r><w:t>第三条　给予</w:t></w:r><w:del w:id="1" {REV}><w:r><w:delText>300万元</w:delText></w:r></w:del>
<w:ins w:id="2" {REV}><w:r><w:t>200万元</w:t></w:r></w:ins><w:r><w:t>支持。</w:t></w:r></w:p>
<w:p><w:pPr><w:rPr><w:del w:id="3" {REV}/></w:rPr></w:pPr><w:r><w:t>第一款，</w:t></w:r>
<w:del w:id="4" {REV}><w:r><w:delText>原第二句。</w:delText></w:r></w:del></w:p>
<w:p><w:r><w:t>第二款接上。</w:t></w:r></w:p>
<w:p><w:pPr><w:rPr><w:ins w:id="5" {REV}/></w:rPr></w:pPr><w:ins w:id="6" {REV}><w:r><w:t>新增一款。</w:t></w:r></w:ins></w:p>
<w:p><w:moveFrom w:id="7" {REV}><w:r><w:t>移走的话。</w:t></w:r></w:moveFrom><w:r><w:t>留下的话。</w:t></w:r>
<w:moveTo w:id="8" {REV}><w:r><w:t>移来的话。</w:t></w:r></w:moveTo></w:p>
</w:body></w:document>""".encode()

ACCEPTED = ["第三条　给予200万元支持。", "第一款，第二款接上。", "新增一款。", "留下的话。移来的话。"]
REJECTED = ["第三条　给予300万元支持。", "第一款，原第二句。", "第二款接上。", "移走的话。留下的话。"]
