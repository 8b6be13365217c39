<?xml version="1.0" encoding="UTF-8"?>
<!--
  general.xsl (included by tei-to-text.xsl): TEI at large in plain text.

  Groups of texts, floating texts and front and back matter are walked as
  blocks; a verse line, a speaker, a stage direction, a cast item, a table row
  is a line of its own, and the lines of one stanza or one speech follow each
  other without blank lines. Inline: one reading of a choice, the lemma of an
  apparatus entry (its readings are listed after the notes), no space at a
  break with break="no".
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                xmlns:str="http://exslt.org/strings"
                exclude-result-prefixes="tei str">

  <!-- ===== block mode ===== -->

  <xsl:template match="tei:group | tei:floatingText | tei:titlePage | tei:postscript | tei:epigraph
                       | tei:figure | tei:lg | tei:sp | tei:castGroup | tei:cit" mode="block">
    <xsl:apply-templates select="* | text()[normalize-space()]" mode="block"/>
  </xsl:template>

  <xsl:template match="tei:l | tei:speaker | tei:stage | tei:trailer | tei:byline | tei:docTitle | tei:docAuthor
                       | tei:docDate | tei:docImprint | tei:docEdition | tei:figDesc | tei:label" mode="block">
    <xsl:call-template name="gap"/>
    <xsl:call-template name="line"/>
  </xsl:template>

  <xsl:template match="tei:castList" mode="block">
    <xsl:apply-templates select="tei:head" mode="block"/>
    <xsl:call-template name="newlines"/>
    <xsl:for-each select=".//tei:castItem">
      <xsl:call-template name="bullet-line"><xsl:with-param name="nodes" select="node()"/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- A list with labels: "label item" on one bulleted line each. -->
  <xsl:template match="tei:list[tei:label]" mode="block">
    <xsl:call-template name="gap"/>
    <xsl:for-each select="tei:head">
      <xsl:call-template name="line"/>
    </xsl:for-each>
    <xsl:for-each select="tei:item">
      <xsl:call-template name="bullet-line">
        <xsl:with-param name="nodes" select="preceding-sibling::*[1][self::tei:label] | node()"/>
      </xsl:call-template>
    </xsl:for-each>
    <!-- A label without an item keeps its words. -->
    <xsl:for-each select="tei:label[not(following-sibling::*[1][self::tei:item])]">
      <xsl:call-template name="bullet-line"><xsl:with-param name="nodes" select="node()"/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- A table: its head, then one line per row, the cells separated by " | ". -->
  <xsl:template match="tei:table" mode="block">
    <xsl:call-template name="gap"/>
    <xsl:for-each select="tei:head">
      <xsl:call-template name="line"/>
    </xsl:for-each>
    <xsl:for-each select="tei:row">
      <xsl:variable name="rendered">
        <xsl:for-each select="tei:cell">
          <xsl:if test="position() &gt; 1"> | </xsl:if>
          <xsl:apply-templates/>
        </xsl:for-each>
      </xsl:variable>
      <xsl:call-template name="tidy"><xsl:with-param name="text" select="string($rendered)"/></xsl:call-template>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>

  <!-- ===== inline ===== -->

  <xsl:template match="tei:q">
    <xsl:call-template name="rendition-marks"><xsl:with-param name="scope" select="'before'"/></xsl:call-template>
    <xsl:apply-templates/>
    <xsl:call-template name="rendition-marks"><xsl:with-param name="scope" select="'after'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:choice">
    <xsl:apply-templates select="(tei:expan | tei:reg | tei:corr | *[1][not(../tei:expan or ../tei:reg or ../tei:corr)])[1]/node()"/>
  </xsl:template>

  <xsl:template match="tei:app">
    <xsl:apply-templates select="(tei:lem | tei:rdgGrp/tei:lem | tei:rdg[not(../tei:lem)][1])[1]/node()"/>
  </xsl:template>

  <!-- "Able, a clerk": a role and its description set apart. -->
  <xsl:template match="tei:role | tei:roleDesc | tei:actor">
    <xsl:if test="preceding-sibling::tei:role or preceding-sibling::tei:roleDesc or preceding-sibling::tei:actor">
      <xsl:text>, </xsl:text>
    </xsl:if>
    <xsl:apply-templates/>
  </xsl:template>

  <!-- Blocks, lines and cells met inside inline content keep a space between them. -->
  <xsl:template match="tei:l | tei:cell | tei:row | tei:speaker | tei:stage[not(parent::tei:p or parent::tei:l)]
                       | tei:p | tei:ab | tei:lg | tei:cit/* | tei:label[not(parent::tei:list)]">
    <xsl:text> </xsl:text>
    <xsl:apply-templates/>
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="tei:list/tei:label">
    <xsl:apply-templates/>
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- An index entry's terms, set apart from the words they index. -->
  <xsl:template match="tei:index">
    <xsl:text> </xsl:text>
    <xsl:apply-templates/>
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="tei:gap">
    <xsl:text>[</xsl:text>
    <xsl:choose>
      <xsl:when test="normalize-space()"><xsl:value-of select="normalize-space()"/></xsl:when>
      <xsl:otherwise>…</xsl:otherwise>
    </xsl:choose>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <!-- A page break without a number has nothing to show. -->
  <xsl:template match="tei:pb[not(normalize-space(@n))]"/>
  <xsl:template match="tei:pb[not(normalize-space(@n))]" mode="block"/>

  <!-- A pointer has no text of its own: its target stands for it. -->
  <xsl:template match="tei:ptr">
    <xsl:variable name="ptr" select="."/>
    <xsl:for-each select="str:tokenize(normalize-space(@target), ' ')">
      <xsl:variable name="target" select="string(.)"/>
      <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
      <xsl:for-each select="$ptr">
        <xsl:call-template name="pointer-label"><xsl:with-param name="target" select="$target"/></xsl:call-template>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <!-- An image has no words; its description and heading are written where they stand. -->
  <xsl:template match="tei:graphic | tei:media"/>
  <xsl:template match="tei:graphic | tei:media" mode="block"/>

  <xsl:template match="tei:cb">
    <xsl:if test="not(@break='no')"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <xsl:template match="tei:lb[@break='no']"/>

  <xsl:template match="tei:pb[@break='no']">
    <xsl:value-of select="concat($page-open, @n, $page-close)"/>
  </xsl:template>

  <!-- A break inside a word adds no space: the whitespace after it is layout.
       (Found by key from the break: a pattern that looks at a text node's
       preceding sibling makes libxslt walk all of them, for every text node.) -->
  <xsl:template match="text()">
    <xsl:choose>
      <xsl:when test="key('after-word-break', generate-id())">
        <xsl:value-of select="substring(., string-length(substring-before(., substring(normalize-space(.), 1, 1))) + 1)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:fw">
    <xsl:apply-templates/>
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- ===== the apparatus after the notes: "  a1. lemma] reading A; reading B C" ===== -->

  <xsl:template name="apparatus">
    <xsl:if test="$apps">
      <xsl:text>&#10;</xsl:text>
      <xsl:for-each select="$apps">
        <xsl:variable name="number"><xsl:call-template name="app-number"/></xsl:variable>
        <xsl:variable name="shown" select="(tei:lem | tei:rdgGrp/tei:lem | tei:rdg[not(../tei:lem)][1])[1]"/>
        <xsl:variable name="rendered">
          <xsl:apply-templates select="$shown/node()"/>
          <xsl:text>] </xsl:text>
          <xsl:for-each select="(tei:rdg | tei:rdgGrp/tei:rdg | tei:note)[generate-id() != generate-id($shown)]">
            <xsl:if test="position() &gt; 1">; </xsl:if>
            <xsl:apply-templates/>
            <xsl:if test="@wit">
              <xsl:value-of select="concat(' ', normalize-space(translate(@wit, '#', '')))"/>
            </xsl:if>
          </xsl:for-each>
        </xsl:variable>
        <xsl:value-of select="concat($footnote-indent, $app-prefix, $number, '. ')"/>
        <xsl:call-template name="tidy"><xsl:with-param name="text" select="string($rendered)"/></xsl:call-template>
        <xsl:text>&#10;</xsl:text>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
