<?xml version="1.0" encoding="UTF-8"?>
<!--
  tei-common.xsl: what every output format shares.

  Input: a TEI P5 document, either as `tei convert` writes it (docs/encoding.md),
  in the Office of the Historian's FRUS dialect (no teiHeader, persName/@corresp,
  p[@rend='sectiontitleital'] headings, notes without @place), or TEI in general.

  Provides
    - keys to find persons, page breaks, speakers and elements by xml:id;
    - global variables: $texts (every tei:text), $text-notes (their notes),
      $doc-div (the memorandum, else the first body), $footnotes (every note
      that is not inline, in document order), $headings;
    - mode "plain": the text of an element without notes and page breaks (for
      <title>, tables of contents, labels);
    - named templates for identifiers, so that the HTML and the text renderings
      agree on them: ref-id (a "#x" pointer without its hash), note-id, page-id,
      section-id; and is-referenced, page-range.

  XSLT 1.0, with EXSLT's node-set (libxslt has it): lxml runs libxslt.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                xmlns:exsl="http://exslt.org/common"
                xmlns:str="http://exslt.org/strings"
                exclude-result-prefixes="tei exsl str">

  <!-- Persons are declared in the header (ours) and nowhere (the Office of the
       Historian's samples point into a volume-wide list we do not have). -->
  <!-- libxslt finds a key's nodes by evaluating "//" and its pattern. A step with
       a predicate (//tei:pb[@n]) lists every node of the document and merges the
       children of each, which libxml2 does more slowly per node the larger the
       document; a step without one (//tei:pb) is a single walk. So the patterns
       below have no predicate: a condition is a use expression that gives no
       value (@n, a node-set), or the key holds the attribute itself
       (tei:said/@who: the key gives the attribute, and its parent is the said).
       A use that gives a string must not give '' for most nodes: the nodes of
       one value are kept in a list that each new one is compared with. -->
  <xsl:key name="person" match="tei:person" use="@xml:id"/>
  <xsl:key name="pb-by-n" match="tei:pb" use="@n"/>
  <!-- By the first speaker: "#able #baker" (both agreed) counts as #able. -->
  <xsl:key name="said-by-who" match="tei:said/@who" use="substring-before(concat(normalize-space(.), ' '), ' ')"/>
  <!-- An element by its xml:id: key('by-id', $id)/.. -->
  <xsl:key name="by-id" match="tei:*/@xml:id" use="."/>
  <!-- The text node that follows a break inside a word (break="no"). -->
  <xsl:key name="after-word-break" match="tei:*/@break"
           use="generate-id(self::node()[. = 'no'][parent::tei:lb or parent::tei:pb or parent::tei:cb]
                            /../following-sibling::node()[1][self::text()])"/>

  <!-- The texts (one, or a group's with the one around them). What is selected in
       them below is selected along the descendant axis from here: a selection like
       "//tei:text//tei:note[…]" lists every node of the text and merges the children
       of each, which libxml2 does more slowly per node the larger the document; and
       each selection is a walk of the whole document, so they share the ones they can. -->
  <xsl:variable name="texts" select="//tei:text"/>
  <xsl:variable name="text-notes" select="$texts/descendant::tei:note"/>

  <!-- The memorandum itself: the first document div, else the body. -->
  <xsl:variable name="doc-div"
                select="($texts/descendant::tei:div[@type='document'] | $texts/tei:body[not(tei:div[@type='document'])])[1]"/>

  <!-- A footnote is any note in the text that is not an inline (bracketed) one,
       wherever its reference stands: in a paragraph, in an editorial note, in
       another note. The OH dialect writes footnotes without @place. -->
  <xsl:variable name="footnotes" select="$text-notes[not(@place='inline')]"/>

  <!-- Headings that open a section: ours are div/head; the OH dialect also
       writes run-in headings as p[@rend='sectiontitleital']. -->
  <xsl:variable name="headings"
                select="$texts/descendant::tei:head[parent::tei:div[not(@type='document')]]
                        | $texts/descendant::tei:p[@rend='sectiontitleital']"/>

  <!-- Each heading's number among $headings, counted once: section-id looks it
       up by key (in this node-set, hence the for-each that makes it the context)
       rather than walking every heading for every section, which would take n²
       steps for n sections. -->
  <xsl:variable name="heading-numbers-tree">
    <xsl:for-each select="$headings">
      <heading id="{generate-id()}" n="{position()}"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="heading-numbers" select="exsl:node-set($heading-numbers-tree)"/>
  <xsl:key name="heading-number" match="heading" use="@id"/>

  <!-- The same for footnotes (a note without @n is shown with its number among
       them) and for critical apparatus entries (app). -->
  <xsl:variable name="note-numbers-tree">
    <xsl:for-each select="$footnotes">
      <note-number id="{generate-id()}" n="{position()}"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="note-numbers" select="exsl:node-set($note-numbers-tree)"/>
  <xsl:key name="note-number" match="note-number" use="@id"/>
  <xsl:key name="note-by-n" match="tei:note" use="@n[not(../@place='inline')][ancestor::tei:text]"/>

  <xsl:variable name="apps" select="$texts/descendant::tei:app"/>
  <xsl:variable name="app-numbers-tree">
    <xsl:for-each select="$apps">
      <app-number id="{generate-id()}" n="{position()}"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="app-numbers" select="exsl:node-set($app-numbers-tree)"/>
  <xsl:key name="app-number" match="app-number" use="@id"/>

  <!-- ===== mode plain: text without notes and page breaks ===== -->

  <xsl:template match="tei:note | tei:pb" mode="plain"/>
  <xsl:template match="tei:lb | tei:cb" mode="plain">
    <xsl:text> </xsl:text>
  </xsl:template>
  <xsl:template match="tei:lb[@break='no'] | tei:cb[@break='no']" mode="plain"/>

  <!-- One reading of a choice (expansion, regularization, correction, else the
       first) and the lemma of an apparatus entry (else its first reading). -->
  <xsl:template match="tei:choice" mode="plain">
    <xsl:apply-templates select="(tei:expan | tei:reg | tei:corr | *[1][not(../tei:expan or ../tei:reg or ../tei:corr)])[1]"
                         mode="plain"/>
  </xsl:template>
  <xsl:template match="tei:app" mode="plain">
    <xsl:apply-templates select="(tei:lem | tei:rdgGrp/tei:lem | tei:rdg[not(../tei:lem)][1])[1]" mode="plain"/>
  </xsl:template>
  <xsl:template match="text()" mode="plain">
    <xsl:value-of select="."/>
  </xsl:template>

  <!-- A quotation's marks, kept out of its content as renditions in the header
       (CSS generated content: content: "“"; scope before or after). -->
  <xsl:template match="tei:q" mode="plain">
    <xsl:call-template name="rendition-marks"><xsl:with-param name="scope" select="'before'"/></xsl:call-template>
    <xsl:apply-templates mode="plain"/>
    <xsl:call-template name="rendition-marks"><xsl:with-param name="scope" select="'after'"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="rendition-marks">
    <xsl:param name="scope"/>
    <xsl:if test="@rendition">
      <xsl:variable name="element" select="."/>
      <xsl:for-each select="str:tokenize(normalize-space(@rendition), ' ')">
        <xsl:variable name="id" select="substring-after(string(.), '#')"/>
        <xsl:for-each select="$element">
          <xsl:for-each select="key('by-id', $id)/parent::tei:rendition[@scope = $scope]">
            <xsl:variable name="css" select="substring-after(., 'content:')"/>
            <xsl:choose>
              <xsl:when test="contains($css, '&quot;')">
                <xsl:value-of select="substring-before(substring-after($css, '&quot;'), '&quot;')"/>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select='substring-before(substring-after($css, "&apos;"), "&apos;")'/></xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- ===== identifiers ===== -->

  <!-- "#able" → "able" (first pointer only, when several are given); a pointer
       without a hash is returned as it is. -->
  <xsl:template name="ref-id">
    <xsl:param name="pointer" select="@ref"/>
    <xsl:variable name="first" select="normalize-space($pointer)"/>
    <xsl:variable name="token">
      <xsl:choose>
        <xsl:when test="contains($first, ' ')"><xsl:value-of select="substring-before($first, ' ')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$first"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="starts-with($token, '#')"><xsl:value-of select="substring($token, 2)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$token"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- note → its anchor id: the xml:id when there is one (stable, citable),
       else one made from its number (@n when no other note has it, else its
       place among the footnotes). -->
  <xsl:template name="note-id">
    <xsl:param name="note" select="."/>
    <xsl:choose>
      <xsl:when test="$note/@xml:id"><xsl:value-of select="$note/@xml:id"/></xsl:when>
      <xsl:when test="$note/@n and count(key('note-by-n', $note/@n)) = 1">
        <xsl:value-of select="concat('note-', translate($note/@n, ' ', '_'))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>note-x</xsl:text>
        <xsl:call-template name="note-position"><xsl:with-param name="note" select="$note"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- note → what its reference shows: @n, else its place among the footnotes. -->
  <xsl:template name="note-label">
    <xsl:param name="note" select="."/>
    <xsl:choose>
      <xsl:when test="$note/@n"><xsl:value-of select="$note/@n"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="note-position"><xsl:with-param name="note" select="$note"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="note-position">
    <xsl:param name="note" select="."/>
    <xsl:variable name="gid" select="generate-id($note)"/>
    <xsl:for-each select="$note-numbers">
      <xsl:value-of select="key('note-number', $gid)/@n"/>
    </xsl:for-each>
  </xsl:template>

  <!-- app → its number among the apparatus entries. -->
  <xsl:template name="app-number">
    <xsl:variable name="gid" select="generate-id()"/>
    <xsl:for-each select="$app-numbers">
      <xsl:value-of select="key('app-number', $gid)/@n"/>
    </xsl:for-each>
  </xsl:template>

  <!-- pb → "page-40": the printed page number is what a reader cites. -->
  <xsl:template name="page-id">
    <xsl:param name="pb" select="."/>
    <xsl:value-of select="concat('page-', translate(normalize-space($pb/@n), ' ', '_'))"/>
  </xsl:template>

  <!-- Only the first break with a given number carries the anchor, so that a
       repeated number never makes a duplicate id. -->
  <xsl:template name="page-has-anchor">
    <xsl:param name="pb" select="."/>
    <xsl:if test="$pb/@n and generate-id(key('pb-by-n', $pb/@n)[1]) = generate-id($pb)">yes</xsl:if>
  </xsl:template>

  <!-- section (div with head) or OH run-in heading → its anchor id -->
  <xsl:template name="section-id">
    <xsl:param name="node" select="."/>
    <xsl:choose>
      <xsl:when test="$node/@xml:id"><xsl:value-of select="$node/@xml:id"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="heading" select="$node/self::tei:p | $node/tei:head[1]"/>
        <xsl:variable name="gid" select="generate-id($heading)"/>
        <xsl:for-each select="$heading-numbers">
          <xsl:for-each select="key('heading-number', $gid)">
            <xsl:value-of select="concat('section-', @n)"/>
          </xsl:for-each>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A footnote placed at the end of a div, not at a reference point, was never
       referenced in the source: it gets no number in the running text. -->
  <xsl:template name="is-referenced">
    <xsl:param name="note" select="."/>
    <xsl:if test="not($note/parent::tei:div or $note/parent::tei:body)">yes</xsl:if>
  </xsl:template>

  <!-- A pointer's target → what stands for it: the heading of the element it
       points to, else that element's @n, else the pointer itself. -->
  <xsl:template name="pointer-label">
    <xsl:param name="target"/>
    <xsl:variable name="local" select="(key('by-id', substring-after($target, '#'))/..)[starts-with($target, '#')][1]"/>
    <xsl:choose>
      <xsl:when test="$local/tei:head">
        <xsl:variable name="head"><xsl:apply-templates select="$local/tei:head[1]" mode="plain"/></xsl:variable>
        <xsl:value-of select="normalize-space($head)"/>
      </xsl:when>
      <xsl:when test="$local/@n"><xsl:value-of select="$local/@n"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$target"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The number of a printed page range: "211–219" from the header's biblScope. -->
  <xsl:template name="page-range">
    <xsl:variable name="scope" select="(//tei:teiHeader//tei:biblScope[@unit='page'])[1]"/>
    <xsl:choose>
      <xsl:when test="$scope/@from and $scope/@to and $scope/@from != $scope/@to">
        <xsl:value-of select="concat($scope/@from, '–', $scope/@to)"/>
      </xsl:when>
      <xsl:when test="$scope/@from"><xsl:value-of select="$scope/@from"/></xsl:when>
      <xsl:when test="$scope"><xsl:value-of select="normalize-space($scope)"/></xsl:when>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
