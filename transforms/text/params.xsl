<?xml version="1.0" encoding="UTF-8"?>
<!--
  Parameters of the plain-text rendering (tei-to-text.xsl). Each can be set from
  Python as a plain string: render(tree, "text", bullet="- ") (tei.render quotes it).
  The defaults reproduce the input layout described in docs/encoding.md.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- Written before each participant (and each bulleted item) line. -->
  <xsl:param name="bullet" select="'    • '"/>

  <!-- Written before each footnote line at the end: "  1. Source: …". -->
  <xsl:param name="footnote-indent" select="'  '"/>

  <!-- An apparatus entry after the notes is numbered concat($app-prefix, n): "  a3. …". -->
  <xsl:param name="app-prefix" select="'a'"/>

  <!-- A page break is written as concat($page-open, @n, $page-close). -->
  <xsl:param name="page-open" select="'[Page '"/>
  <xsl:param name="page-close" select="']'"/>

  <!-- Whitespace inside a block:
       'preserve'  – text verbatim (our TEI: text is kept exactly);
       'normalize' – runs of whitespace become one space (pretty-printed TEI);
       'auto'      – normalize only the blocks whose text contains a line break,
                     which our converter never writes (it writes lb) and
                     pretty-printed TEI from elsewhere always does. -->
  <xsl:param name="whitespace" select="'auto'"/>

</xsl:stylesheet>
