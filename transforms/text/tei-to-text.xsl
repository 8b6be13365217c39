<?xml version="1.0" encoding="UTF-8"?>
<!--
  tei-to-text.xsl: TEI → the plain-text layout the converter reads.

  Input: TEI as docs/encoding.md describes it (or FRUS-dialect TEI).
  Output: UTF-8 text in the input's shape, so that
      tei convert memo.txt | tei render - -to text
  gives memo.txt back (up to trailing whitespace):

      7. Memorandum of Conversation1          head, footnote numbers glued back
                                              one blank line
      Visit of …                              argument/p lines, then dateline
      May 3, 1950
                                              two blank lines
          • Ambassador Able                   one block per participant group
                                              one blank line between blocks
      Paragraph with [Page 40] a break.       pb inside p: "X [Page N] Y"
                                              two blank lines before a section
      Heading                                 with rend="space-before" or no head
        1. Source: …                          footnotes after one blank line

  Modes: "block" walks the block structure and writes the blank lines between
  blocks; the default mode writes a block's inline content.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                exclude-result-prefixes="tei">

  <xsl:import href="../common/tei-common.xsl"/>
  <xsl:import href="params.xsl"/>
  <xsl:include href="general.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- A line break (lb) is written as a private-use character first and turned
       into a newline last, so that whitespace normalization of a block cannot
       swallow it. The character is one the document does not hold, so that its
       own private-use characters are written as they are. -->
  <xsl:variable name="document-text" select="string(/)"/>
  <xsl:variable name="lb-mark">
    <xsl:choose>
      <xsl:when test="not(contains($document-text, '&#xE000;'))">&#xE000;</xsl:when>
      <xsl:when test="not(contains($document-text, '&#xF8FF;'))">&#xF8FF;</xsl:when>
      <xsl:when test="not(contains($document-text, '&#xE0FF;'))">&#xE0FF;</xsl:when>
      <xsl:when test="not(contains($document-text, '&#xF000;'))">&#xF000;</xsl:when>
      <xsl:otherwise>&#xF8FE;</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- Hooks: empty by default; a customization layer overrides them. -->
  <xsl:template name="textStartHook"/>
  <xsl:template name="textEndHook"/>

  <xsl:template match="/">
    <xsl:call-template name="textStartHook"/>
    <xsl:apply-templates select="$texts[1]" mode="block"/>
    <xsl:call-template name="footnotes"/>
    <xsl:call-template name="apparatus"/>
    <xsl:call-template name="textEndHook"/>
  </xsl:template>

  <!-- ===== blank lines between blocks ===== -->

  <xsl:template name="newlines">
    <xsl:param name="count" select="1"/>
    <xsl:if test="$count &gt;= 1">
      <xsl:text>&#10;</xsl:text>
      <xsl:call-template name="newlines">
        <xsl:with-param name="count" select="$count - 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- How many blank lines stand before the block that is the context node.
       "preceding-sibling::*[1]", not "preceding-sibling::*": libxslt collects
       the whole axis for the latter, so a body of n paragraphs would take n²
       steps; with [1] it stops at the first sibling. -->
  <xsl:template name="blank-lines-before">
    <xsl:choose>
      <!-- The very first block of the document (a leading [Page N] or the title). -->
      <xsl:when test="not(preceding-sibling::*[1]) and not(ancestor::tei:body/preceding-sibling::tei:front)
                      and (parent::tei:body or parent::tei:front[not(preceding-sibling::*)]
                           or (parent::tei:div and ../parent::tei:body and not(../preceding-sibling::*[1])))">0</xsl:when>
      <!-- A section break: two blank lines stood before it in the source. -->
      <xsl:when test="not(preceding-sibling::*[1]) and parent::tei:div[not(@type='document')]
                      [not(tei:head) or @rend='space-before']">2</xsl:when>
      <!-- The lines of a stanza, and of a speech after its speaker, follow each other. -->
      <xsl:when test="(self::tei:l and preceding-sibling::*[1][self::tei:l])
                      or (parent::tei:sp and preceding-sibling::*[1])
                      or (parent::tei:lg[parent::tei:sp][preceding-sibling::*[1]] and not(preceding-sibling::*[1]))">0</xsl:when>
      <!-- The date line shares its block with the subject lines. -->
      <xsl:when test="self::tei:dateline and preceding-sibling::*[1][self::tei:argument]">0</xsl:when>
      <xsl:otherwise>1</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="gap">
    <xsl:param name="count">
      <xsl:call-template name="blank-lines-before"/>
    </xsl:param>
    <xsl:call-template name="newlines">
      <xsl:with-param name="count" select="number($count)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== one line of inline content ===== -->

  <!-- Writes prefix + the inline rendering of $node + a newline. Whitespace is
       kept verbatim unless the block holds pretty-printing line breaks. -->
  <xsl:template name="line">
    <xsl:param name="node" select="."/>
    <xsl:param name="prefix" select="''"/>
    <xsl:variable name="rendered">
      <xsl:apply-templates select="$node/node()"/>
    </xsl:variable>
    <xsl:value-of select="$prefix"/>
    <xsl:call-template name="tidy">
      <xsl:with-param name="text" select="string($rendered)"/>
      <xsl:with-param name="node" select="$node"/>
    </xsl:call-template>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="tidy">
    <xsl:param name="text"/>
    <xsl:param name="node" select="."/>
    <xsl:variable name="collapse"
                  select="$whitespace = 'normalize'
                          or ($whitespace = 'auto' and $node/descendant::text()[contains(., '&#10;')])"/>
    <xsl:choose>
      <xsl:when test="$collapse">
        <xsl:call-template name="break-lines">
          <xsl:with-param name="text" select="normalize-space($text)"/>
          <xsl:with-param name="before" select="' '"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="break-lines">
          <xsl:with-param name="text" select="$text"/>
          <xsl:with-param name="before" select="'&#10;'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The line-break marks turned into newlines. The whitespace that stands before an lb in
       the TEI ("end of line&#10;<lb/>next") is the same line end, so it is not written twice. -->
  <xsl:template name="break-lines">
    <xsl:param name="text"/>
    <xsl:param name="before"/>
    <xsl:variable name="doubled" select="concat($before, $lb-mark)"/>
    <xsl:choose>
      <xsl:when test="contains($text, $doubled)">
        <xsl:value-of select="translate(substring-before($text, $doubled), $lb-mark, '&#10;')"/>
        <xsl:text>&#10;</xsl:text>
        <xsl:call-template name="break-lines">
          <xsl:with-param name="text" select="substring-after($text, $doubled)"/>
          <xsl:with-param name="before" select="$before"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="translate($text, $lb-mark, '&#10;')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== block mode ===== -->

  <!-- Containers: walk their children as blocks. Whitespace between elements is
       pretty-printing; any other stray text is kept as a block of its own. -->
  <xsl:template match="tei:text | tei:front | tei:body | tei:back | tei:div | tei:opener | tei:closer"
                mode="block">
    <xsl:apply-templates select="* | text()[normalize-space()]" mode="block"/>
  </xsl:template>

  <!-- Blocks of inline content: one line each (several when they hold lb). -->
  <xsl:template match="tei:p | tei:head | tei:dateline | tei:ab | tei:salute | tei:signed" mode="block">
    <xsl:call-template name="gap"/>
    <xsl:call-template name="line"/>
  </xsl:template>

  <!-- An element we have no rule for: a container if it holds blocks and no
       text of its own, else one block of text, so that no words are lost. -->
  <xsl:template match="*" mode="block">
    <xsl:choose>
      <xsl:when test="(tei:p | tei:div | tei:list | tei:ab | tei:lg | tei:l | tei:sp | tei:table | tei:dateline
                       | tei:argument | tei:opener | tei:closer | tei:floatingText | tei:head | tei:group | tei:text
                       | tei:castList | tei:figure | tei:speaker | tei:stage | tei:postscript | tei:titlePage
                       | tei:docTitle | tei:byline | tei:trailer | tei:salute | tei:signed | tei:label)
                      and not(text()[normalize-space()])">
        <xsl:apply-templates select="*" mode="block"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="gap"/>
        <xsl:call-template name="line"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="text()" mode="block">
    <xsl:call-template name="gap"/>
    <xsl:value-of select="normalize-space(.)"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:teiHeader" mode="block"/>

  <!-- Subject lines: one line per p, in one block. -->
  <xsl:template match="tei:argument" mode="block">
    <xsl:call-template name="gap"/>
    <xsl:for-each select="* | text()[normalize-space()]">
      <xsl:call-template name="line"/>
    </xsl:for-each>
  </xsl:template>

  <!-- A standalone page break: "[Page 213]" alone between blocks. -->
  <xsl:template match="tei:pb" mode="block">
    <xsl:call-template name="gap"/>
    <xsl:value-of select="concat($page-open, @n, $page-close)"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- Notes between blocks: an editorial note is a block of its own; a
       footnote never referenced is only listed at the end. -->
  <xsl:template match="tei:note" mode="block">
    <xsl:if test="@place='inline'">
      <xsl:call-template name="gap"/>
      <xsl:call-template name="line"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:lb" mode="block"/>

  <!-- Lists. Participants in groups: one bullet block per group, two blank
       lines before the first. Other lists: one bullet block. -->
  <xsl:template match="tei:list" mode="block">
    <xsl:variable name="participants" select="@type='participants'"/>
    <xsl:choose>
      <xsl:when test="tei:item/tei:list">
        <xsl:if test="tei:head">
          <xsl:call-template name="gap"/>
          <xsl:for-each select="tei:head">
            <xsl:call-template name="line"/>
          </xsl:for-each>
        </xsl:if>
        <xsl:for-each select="tei:item">
          <!-- Text of the item outside its nested list (rare) stays with it. -->
          <xsl:if test="text()[normalize-space()] or *[not(self::tei:list)]">
            <xsl:call-template name="newlines"/>
            <xsl:call-template name="bullet-line">
              <xsl:with-param name="nodes" select="node()[not(self::tei:list)]"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:for-each select="tei:list">
            <xsl:call-template name="bullets">
              <xsl:with-param name="blank-lines"
                              select="1 + number($participants and not(../../tei:head)
                                                 and not(../preceding-sibling::tei:item[1]))"/>
            </xsl:call-template>
          </xsl:for-each>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="bullets">
          <xsl:with-param name="blank-lines">
            <xsl:choose>
              <xsl:when test="$participants">2</xsl:when>
              <xsl:otherwise><xsl:call-template name="blank-lines-before"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The OH dialect's subject list, written the way the input writes it:
       "SUBJECT: Discussion on …". -->
  <xsl:template match="tei:list[@type='subject']" mode="block">
    <xsl:call-template name="gap"/>
    <xsl:variable name="rendered">
      <xsl:for-each select="tei:head">
        <xsl:apply-templates/>
        <xsl:text>: </xsl:text>
      </xsl:for-each>
      <xsl:for-each select="tei:item">
        <xsl:if test="position() &gt; 1">; </xsl:if>
        <xsl:apply-templates/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:call-template name="tidy">
      <xsl:with-param name="text" select="string($rendered)"/>
    </xsl:call-template>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- One block: the list's head (if any) on a line, then one bullet line per item. -->
  <xsl:template name="bullets">
    <xsl:param name="blank-lines" select="1"/>
    <xsl:call-template name="newlines">
      <xsl:with-param name="count" select="number($blank-lines)"/>
    </xsl:call-template>
    <xsl:for-each select="tei:head">
      <xsl:call-template name="line"/>
    </xsl:for-each>
    <xsl:for-each select="tei:item">
      <xsl:call-template name="bullet-line">
        <xsl:with-param name="nodes" select="node()[not(self::tei:list)]"/>
      </xsl:call-template>
      <xsl:for-each select="tei:list">
        <xsl:call-template name="bullets"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="bullet-line">
    <xsl:param name="nodes"/>
    <xsl:variable name="rendered">
      <xsl:apply-templates select="$nodes"/>
    </xsl:variable>
    <xsl:value-of select="$bullet"/>
    <xsl:call-template name="tidy">
      <xsl:with-param name="text" select="string($rendered)"/>
    </xsl:call-template>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- ===== inline (default) mode ===== -->

  <!-- A footnote reference in a memorandum: its number glued on, as in the
       plain text the converter reads ("Conversation1"). Elsewhere the number
       stands apart: "dogs [3]". -->
  <xsl:template match="tei:note">
    <xsl:choose>
      <xsl:when test="@place='foot' and $doc-div/self::tei:div"><xsl:call-template name="note-label"/></xsl:when>
      <xsl:otherwise>
        <xsl:text> [</xsl:text>
        <xsl:call-template name="note-label"/>
        <xsl:text>]</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An editorial note keeps its brackets in its text. -->
  <xsl:template match="tei:note[@place='inline']">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- "X <pb/>Y" was "X [Page N] Y". -->
  <xsl:template match="tei:pb">
    <xsl:value-of select="concat($page-open, @n, $page-close, ' ')"/>
  </xsl:template>

  <xsl:template match="tei:lb">
    <xsl:value-of select="$lb-mark"/>
  </xsl:template>

  <!-- A nested block inside inline content (a list in a note, say) keeps its
       words, on one line. -->
  <xsl:template match="tei:list/tei:item">
    <xsl:text> </xsl:text>
    <xsl:apply-templates/>
  </xsl:template>

  <!-- ===== footnotes at the end: "  N. text" ===== -->

  <xsl:template name="footnotes">
    <xsl:if test="$footnotes">
      <xsl:text>&#10;</xsl:text>
      <xsl:for-each select="$footnotes">
        <xsl:variable name="label"><xsl:call-template name="note-label"/></xsl:variable>
        <xsl:call-template name="line">
          <xsl:with-param name="prefix" select="concat($footnote-indent, $label, '. ')"/>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
