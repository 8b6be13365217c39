<?xml version="1.0" encoding="UTF-8"?>
<!--
  general.xsl (included by tei-to-html.xsl): TEI at large in the HTML page.

  What other projects' TEI holds besides memoranda: front and back matter,
  groups of texts and floating texts, drama (castList, sp, speaker, stage),
  verse (lg, l), lists with labels, tables, figures, transcription (choice,
  lb/pb/cb with break="no"), critical apparatus (app: the lemma in the text,
  the other readings listed after the notes), pointers. An element without a
  template of its own keeps its text: a div when it stands between blocks, its
  content inline elsewhere.

  A block inside an HTML paragraph (a verse quoted in a p, say) is written as a
  span with the class "block" (CSS shows it as a block): a div there would end
  the paragraph.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                xmlns:str="http://exslt.org/strings"
                exclude-result-prefixes="tei str">

  <!-- ===== blocks, wherever they stand ===== -->

  <!-- A div, or a span.block inside what this page writes as an HTML p. -->
  <xsl:template name="block">
    <xsl:param name="class" select="local-name()"/>
    <xsl:param name="content" select="node()"/>
    <xsl:choose>
      <xsl:when test="ancestor::tei:p or ancestor::tei:head or ancestor::tei:dateline or ancestor::tei:salute
                      or ancestor::tei:signed or ancestor::tei:speaker or ancestor::tei:trailer
                      or ancestor::tei:byline or ancestor::tei:label or ancestor::tei:titlePart
                      or ancestor::tei:docImprint or ancestor::tei:docAuthor or ancestor::tei:docDate
                      or ancestor::tei:note[@place='inline'] or ancestor::tei:l or ancestor::tei:stage">
        <span class="{$class} block"><xsl:apply-templates select="$content"/></span>
      </xsl:when>
      <xsl:otherwise>
        <div class="{$class}"><xsl:apply-templates select="$content"/></div>
        <xsl:text>&#10;</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Front and back matter, groups of texts, texts inside them. -->
  <xsl:template match="tei:front | tei:back | tei:group | tei:floatingText | tei:text//tei:text
                       | tei:titlePage | tei:docTitle | tei:opener | tei:closer | tei:postscript
                       | tei:epigraph | tei:argument | tei:lg | tei:sp | tei:cit | tei:ab">
    <xsl:call-template name="block"/>
  </xsl:template>

  <xsl:template match="tei:text//tei:text/tei:body | tei:floatingText/tei:body">
    <xsl:call-template name="block"><xsl:with-param name="class" select="'body'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:l">
    <xsl:call-template name="block">
      <xsl:with-param name="class" select="concat('l', substring(' indent', 1, 7 * contains(@rend, 'indent')))"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:titlePart | tei:byline | tei:docAuthor | tei:docDate | tei:docImprint
                       | tei:docEdition | tei:trailer | tei:salute | tei:signed | tei:dateline | tei:speaker">
    <xsl:call-template name="block"/>
  </xsl:template>

  <!-- A stage direction: a line of its own between speeches, inline inside one. -->
  <xsl:template match="tei:stage">
    <xsl:choose>
      <xsl:when test="parent::tei:p or parent::tei:l or parent::tei:head or parent::tei:hi">
        <span class="stage"><xsl:apply-templates/></span>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="block"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An element we have no rule for keeps its text: a div between blocks, else inline. -->
  <xsl:template match="tei:*" priority="-1">
    <xsl:choose>
      <xsl:when test="parent::tei:body or parent::tei:div or parent::tei:front or parent::tei:back
                      or parent::tei:group or parent::tei:sp or parent::tei:lg or parent::tei:figure
                      or parent::tei:floatingText or parent::tei:castList or parent::tei:titlePage
                      or parent::tei:opener or parent::tei:closer or parent::tei:postscript
                      or parent::tei:*[starts-with(local-name(), 'div')]">
        <xsl:call-template name="block"/>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A label outside a list of labels (a tree's node, a verse's number). -->
  <xsl:template match="tei:label">
    <span class="label"><xsl:apply-templates/></span>
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- ===== drama ===== -->

  <xsl:template match="tei:castList">
    <xsl:apply-templates select="tei:head"/>
    <ul class="castList"><xsl:apply-templates select="*[not(self::tei:head)]"/></ul>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:castItem">
    <li class="castItem"><xsl:apply-templates/></li>
  </xsl:template>

  <xsl:template match="tei:castGroup">
    <li class="castGroup">
      <xsl:apply-templates select="tei:head"/>
      <ul><xsl:apply-templates select="*[not(self::tei:head)]"/></ul>
    </li>
  </xsl:template>

  <!-- "Able, a clerk": the role and its description set apart. -->
  <xsl:template match="tei:role | tei:roleDesc | tei:actor">
    <xsl:if test="preceding-sibling::tei:role or preceding-sibling::tei:roleDesc or preceding-sibling::tei:actor">
      <xsl:text>, </xsl:text>
    </xsl:if>
    <span class="{local-name()}"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- ===== lists with labels, tables, figures ===== -->

  <xsl:template match="tei:list[tei:label]">
    <xsl:apply-templates select="tei:head"/>
    <dl class="list">
      <xsl:for-each select="*[not(self::tei:head)]">
        <xsl:choose>
          <xsl:when test="self::tei:item or self::tei:label"><xsl:apply-templates select="."/></xsl:when>
          <xsl:otherwise><div class="between"><xsl:apply-templates select="."/></div></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </dl>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:list[tei:label]/tei:label">
    <dt><xsl:apply-templates/></dt>
  </xsl:template>

  <xsl:template match="tei:list[tei:label]/tei:item">
    <dd><xsl:apply-templates/></dd>
  </xsl:template>

  <xsl:template match="tei:table">
    <xsl:choose>
      <xsl:when test="ancestor::tei:p or ancestor::tei:head or ancestor::tei:l or ancestor::tei:note[@place='inline']">
        <span class="table block">
          <xsl:for-each select="tei:head | tei:row">
            <span class="row block">
              <xsl:for-each select="self::tei:head | tei:cell">
                <xsl:if test="position() &gt; 1"> | </xsl:if>
                <xsl:apply-templates/>
              </xsl:for-each>
            </span>
          </xsl:for-each>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <table>
          <xsl:if test="tei:head"><caption><xsl:apply-templates select="tei:head/node()"/></caption></xsl:if>
          <tbody><xsl:apply-templates select="tei:row"/></tbody>
        </table>
        <xsl:text>&#10;</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:row">
    <tr><xsl:apply-templates select="tei:cell"/></tr>
  </xsl:template>

  <xsl:template match="tei:cell">
    <xsl:variable name="name">
      <xsl:choose>
        <xsl:when test="@role='label' or ../@role='label'">th</xsl:when>
        <xsl:otherwise>td</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$name}">
      <xsl:if test="number(@cols) &gt; 1"><xsl:attribute name="colspan"><xsl:value-of select="@cols"/></xsl:attribute></xsl:if>
      <xsl:if test="number(@rows) &gt; 1"><xsl:attribute name="rowspan"><xsl:value-of select="@rows"/></xsl:attribute></xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:figure">
    <xsl:call-template name="block"><xsl:with-param name="class" select="'figure'"/></xsl:call-template>
  </xsl:template>

  <!-- An image is named, not shown: the page loads nothing from elsewhere. -->
  <xsl:template match="tei:graphic | tei:media">
    <span class="graphic" title="{@url}">
      <xsl:text>[</xsl:text>
      <xsl:value-of select="$image-label"/>
      <xsl:text>]</xsl:text>
    </span>
  </xsl:template>

  <xsl:template match="tei:figDesc">
    <span class="figDesc"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- ===== transcription ===== -->

  <!-- One reading (expansion, regularization, correction, else the first); the
       others in the tooltip. -->
  <xsl:template match="tei:choice">
    <xsl:variable name="shown" select="(tei:expan | tei:reg | tei:corr | *[1][not(../tei:expan or ../tei:reg or ../tei:corr)])[1]"/>
    <xsl:variable name="others">
      <xsl:for-each select="*[generate-id() != generate-id($shown)]">
        <xsl:if test="position() &gt; 1"> / </xsl:if>
        <xsl:apply-templates select="." mode="plain"/>
      </xsl:for-each>
    </xsl:variable>
    <span class="choice" title="{normalize-space($others)}"><xsl:apply-templates select="$shown/node()"/></span>
  </xsl:template>

  <xsl:template match="tei:del">
    <del><xsl:apply-templates/></del>
  </xsl:template>

  <xsl:template match="tei:add">
    <ins><xsl:apply-templates/></ins>
  </xsl:template>

  <!-- A gap: its description ("[illegible]") or an ellipsis. -->
  <xsl:template match="tei:gap">
    <span class="gap" title="{normalize-space(concat(@reason, ' ', @quantity, ' ', @unit))}">
      <xsl:text>[</xsl:text>
      <xsl:choose>
        <xsl:when test="normalize-space()"><xsl:value-of select="normalize-space()"/></xsl:when>
        <xsl:otherwise>…</xsl:otherwise>
      </xsl:choose>
      <xsl:text>]</xsl:text>
    </span>
  </xsl:template>

  <!-- A page break without a number: a mark, nothing to cite. -->
  <xsl:template match="tei:pb[not(normalize-space(@n))]">
    <span class="pb"></span>
  </xsl:template>

  <xsl:template match="tei:supplied">
    <span class="supplied"><xsl:apply-templates/></span>
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

  <!-- A line break inside a word joins the word. -->
  <xsl:template match="tei:lb[@break='no']"/>

  <xsl:template match="tei:cb">
    <xsl:if test="not(@break='no')"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <!-- Index entries are for an index, not for reading: kept for search, hidden. -->
  <xsl:template match="tei:index">
    <span class="index" hidden="hidden"><xsl:text> </xsl:text><xsl:apply-templates/><xsl:text> </xsl:text></span>
  </xsl:template>

  <xsl:template match="tei:fw">
    <span class="fw"><xsl:apply-templates/></span>
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- ===== critical apparatus: the lemma here, the readings after the notes ===== -->

  <xsl:template match="tei:app">
    <xsl:variable name="number"><xsl:call-template name="app-number"/></xsl:variable>
    <span class="lem"><xsl:apply-templates select="(tei:lem | tei:rdgGrp/tei:lem | tei:rdg[not(../tei:lem)][1])[1]/node()"/></span>
    <sup class="app-ref"><a id="app-{$number}-ref" href="#app-{$number}" role="doc-noteref" aria-label="Reading {$number}">
      <xsl:value-of select="concat($app-prefix, $number)"/>
    </a></sup>
  </xsl:template>

  <xsl:template name="apparatus">
    <xsl:if test="$apps">
      <section class="apparatus footnotes" aria-labelledby="apparatus-heading">
        <h2 id="apparatus-heading"><xsl:value-of select="$apparatus-heading"/></h2>
        <ol>
          <xsl:for-each select="$apps">
            <xsl:variable name="number"><xsl:call-template name="app-number"/></xsl:variable>
            <xsl:variable name="shown" select="(tei:lem | tei:rdgGrp/tei:lem | tei:rdg[not(../tei:lem)][1])[1]"/>
            <li id="app-{$number}" class="footnote reading">
              <a class="note-number" href="#app-{$number}-ref"><xsl:value-of select="concat($app-prefix, $number, '.')"/></a>
              <div class="note-body">
                <xsl:apply-templates select="$shown/node()"/>
                <xsl:text>] </xsl:text>
                <xsl:for-each select="(tei:rdg | tei:rdgGrp/tei:rdg | tei:note)[generate-id() != generate-id($shown)]">
                  <xsl:if test="position() &gt; 1">; </xsl:if>
                  <span class="rdg"><xsl:apply-templates/></span>
                  <xsl:if test="@wit">
                    <xsl:text> </xsl:text>
                    <span class="wit"><xsl:value-of select="normalize-space(translate(@wit, '#', ''))"/></span>
                  </xsl:if>
                </xsl:for-each>
              </div>
            </li>
            <xsl:text>&#10;</xsl:text>
          </xsl:for-each>
        </ol>
      </section>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- ===== pointers ===== -->

  <!-- A pointer has no text of its own: the link shows its target's heading or
       number, else the target itself. -->
  <xsl:template match="tei:ptr">
    <xsl:for-each select="str:tokenize(normalize-space(@target), ' ')">
      <xsl:variable name="target" select="string(.)"/>
      <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
      <xsl:for-each select="$source-root">
        <xsl:call-template name="pointer-link"><xsl:with-param name="target" select="$target"/></xsl:call-template>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="pointer-link">
    <xsl:param name="target"/>
    <xsl:variable name="local" select="(key('by-id', substring-after($target, '#'))/..)[starts-with($target, '#')][1]"/>
    <xsl:variable name="label">
      <xsl:call-template name="pointer-label"><xsl:with-param name="target" select="$target"/></xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="starts-with($target, 'http://') or starts-with($target, 'https://')">
        <a class="ptr" href="{$target}"><xsl:value-of select="normalize-space($label)"/></a>
      </xsl:when>
      <xsl:when test="$local/self::tei:note">
        <a class="ptr">
          <xsl:attribute name="href">#<xsl:call-template name="note-id"><xsl:with-param name="note" select="$local"/></xsl:call-template></xsl:attribute>
          <xsl:value-of select="normalize-space($label)"/>
        </a>
      </xsl:when>
      <xsl:otherwise><span class="ptr"><xsl:value-of select="normalize-space($label)"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
