<?xml version="1.0" encoding="UTF-8"?>
<!--
  document.xsl: a document's page in the edition site = the HTML rendering
  (../html/tei-to-html.xsl) with the site around it, through its hooks:

    bodyStartHook   nav.site: the edition's home, persons, search; previous/next document
    titleBlockHook  the citation (document, pages) and the links to the TEI and the text
    textEndHook     previous/next document again, at the end of the text
    p, persName     ids from the attribute site:id that tei.apps.site.mark_anchors puts
                    on the tree (p-N, m-N): stable anchors for citing and for the
                    persons index and the search
    pb              the page label, then a "cite" link to the page's anchor (site.js
                    copies the full address; without script it is an ordinary link)

  Parameters (paths relative to the page): root (the site's root, "" or "../"),
  previous, next (neighbouring documents), self-href (this page), tei-href,
  text-href (this document's other formats; empty when not made).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                xmlns:site="urn:x-tei:site"
                exclude-result-prefixes="tei site">

  <xsl:import href="../html/tei-to-html.xsl"/>
  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:param name="root" select="''"/>
  <xsl:param name="previous" select="''"/>
  <xsl:param name="next" select="''"/>
  <xsl:param name="self-href" select="''"/>
  <xsl:param name="tei-href" select="''"/>
  <xsl:param name="text-href" select="''"/>
  <xsl:param name="edition-title" select="'Memoranda of conversation'"/>

  <xsl:template name="headHook">
    <link rel="stylesheet" href="{$root}_site/site.css"/>
    <script src="{$root}_site/site.js" defer="defer"></script>
  </xsl:template>

  <xsl:template name="bodyStartHook">
    <nav class="site" aria-label="Edition">
      <a href="{$root}index.html" rel="home">All documents</a>
      <a href="{$root}persons.html">Persons</a>
      <a href="{$root}search.html">Search</a>
      <xsl:call-template name="neighbours"/>
    </nav>
  </xsl:template>

  <xsl:template name="neighbours">
    <span class="neighbours">
      <xsl:if test="$previous"><a href="{$previous}" rel="prev">← Previous document</a></xsl:if>
      <xsl:if test="$next"><a href="{$next}" rel="next">Next document →</a></xsl:if>
    </span>
  </xsl:template>

  <xsl:template name="titleBlockHook">
    <xsl:variable name="number" select="normalize-space((//tei:sourceDesc//tei:idno[@type='document'])[1])"/>
    <xsl:variable name="pages" select="(//tei:sourceDesc//tei:biblScope[@unit='page'])[1]"/>
    <div class="cite-box">
      <p class="citation"><span class="label">Cite as: </span>
        <cite><xsl:value-of select="normalize-space((//tei:titleStmt/tei:title)[1])"/></cite>
        <xsl:if test="$number"><xsl:value-of select="concat(', document ', $number)"/></xsl:if>
        <xsl:choose>
          <xsl:when test="contains($pages, '–')"><xsl:value-of select="concat(', pp. ', normalize-space($pages))"/></xsl:when>
          <xsl:when test="$pages"><xsl:value-of select="concat(', p. ', normalize-space($pages))"/></xsl:when>
        </xsl:choose>
        <xsl:value-of select="concat('. ', $edition-title, '. ')"/>
        <span class="cite-url" data-cite-url="">
          <xsl:value-of select="$self-href"/>
        </span>
      </p>
      <p class="cite-help">To cite a page, follow its <span class="cite-sample">cite</span> link beside the page
        number: the address then ends with the page’s anchor (#page-N), and with scripts on it is copied.</p>
      <xsl:if test="$tei-href or $text-href">
        <p class="formats">This document as
          <xsl:if test="$tei-href"> <a href="{$tei-href}" type="application/tei+xml">TEI-XML</a></xsl:if>
          <xsl:if test="$tei-href and $text-href"> and</xsl:if>
          <xsl:if test="$text-href"> <a href="{$text-href}" type="text/plain">plain text</a></xsl:if>.
        </p>
      </xsl:if>
    </div>
  </xsl:template>

  <xsl:template name="textEndHook">
    <nav class="site site-end" aria-label="Documents">
      <xsl:call-template name="neighbours"/>
      <a href="{$root}index.html">All documents</a>
    </nav>
  </xsl:template>

  <xsl:template match="tei:p[@site:id]">
    <p id="{@site:id}"><xsl:apply-templates/></p>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:persName[@site:id]">
    <span class="mention" id="{@site:id}"><xsl:apply-imports/></span>
  </xsl:template>

  <xsl:template match="tei:pb">
    <xsl:apply-imports/>
    <xsl:variable name="anchored"><xsl:call-template name="page-has-anchor"/></xsl:variable>
    <xsl:if test="$anchored = 'yes'">
      <xsl:variable name="page-id"><xsl:call-template name="page-id"/></xsl:variable>
      <a class="cite-page" href="#{$page-id}" data-cite="" title="Cite page {@n}: a link to it">cite</a>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
