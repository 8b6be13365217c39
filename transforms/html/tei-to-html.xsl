<?xml version="1.0" encoding="UTF-8"?>
<!--
  tei-to-html.xsl: TEI → one self-contained HTML5 reading page.

  Input: TEI as docs/encoding.md describes it, or the Office of the Historian's
  FRUS dialect (no header, persName/@corresp, p[@rend='sectiontitleital']).
  Output: an HTML5 page, no script, no external resource; its CSS
  (tei-to-html.css) arrives as the parameter $css and is written inside the page:

    header.title-block   h1 (number, title, note ref), subject, date, source, pages
    section.participants one column per side; names anchored as #person-<id>
    aside.legend         speakers and their colours (only when the TEI has said)
    nav.toc              linked headings of the sections
    div.text             paragraphs; persons linked; page breaks as margin
                         markers "p. 40" anchored as #page-40; footnote
                         references linked to #<note id> and back (#<note id>-ref)
    section.footnotes    the notes, numbered as in the source

  Modes: default (the running text), "title" (the title block), "participants",
  "cite" (the source note in the title block), "header-name" (a header persName),
  "plain" (common: text without notes and breaks).
  Hooks (empty, for a customization layer): headHook, bodyStartHook (before
  main), titleBlockHook, textStartHook, textEndHook.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                xmlns:exsl="http://exslt.org/common"
                xmlns:set="http://exslt.org/sets"
                xmlns:str="http://exslt.org/strings"
                exclude-result-prefixes="tei exsl set str">

  <xsl:import href="../common/tei-common.xsl"/>
  <xsl:import href="params.xsl"/>
  <xsl:include href="general.xsl"/>

  <!-- libxslt's html method writes void elements the HTML way (<br>) and adds
       the charset meta element itself; for this system id it writes the HTML5
       doctype, "<!DOCTYPE html>". -->
  <xsl:output method="html" encoding="UTF-8" indent="no" doctype-system="about:legacy-compat"/>

  <!-- Persons named in the participants list, by id: they are anchored there;
       every other declared person is anchored in the "also mentioned" line. -->
  <xsl:key name="listed" match="tei:list[@type='participants']//tei:persName[starts-with(@ref, '#')]"
           use="substring-before(concat(substring(normalize-space(@ref), 2), ' '), ' ')"/>

  <!-- The headers, found once for the selections in them. -->
  <xsl:variable name="headers" select="//tei:teiHeader"/>

  <!-- The utterances with a speaker, found in one walk (see the keys in common). -->
  <xsl:variable name="said" select="$texts/descendant::tei:said[@who]"/>
  <xsl:variable name="has-said" select="boolean($said)"/>
  <!-- Utterances of several speakers ("#able #baker"): the key knows only the first. -->
  <xsl:variable name="said-by-several" select="$said[contains(normalize-space(@who), ' ')]"/>
  <!-- Their pointers, each one a node, looked up by key: a participant who speaks
       only with others is found at once, not by scanning them all for each
       participant (n participants and utterances: n² steps). -->
  <xsl:variable name="several-pointers-tree">
    <xsl:for-each select="$said-by-several">
      <xsl:for-each select="str:tokenize(normalize-space(@who), ' ')">
        <pointer p="{.}"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="several-pointers" select="exsl:node-set($several-pointers-tree)"/>
  <xsl:key name="several-pointer" match="pointer" use="@p"/>

  <xsl:template name="headHook"/>
  <xsl:template name="bodyStartHook"/>
  <xsl:template name="titleBlockHook"/>
  <xsl:template name="textStartHook"/>
  <xsl:template name="textEndHook"/>

  <!-- ===== page ===== -->

  <xsl:template match="/">
    <xsl:variable name="doc-lang" select="(/tei:TEI/@xml:lang | $texts/@xml:lang)[1]"/>
    <html>
      <xsl:attribute name="lang">
        <xsl:choose>
          <xsl:when test="$doc-lang"><xsl:value-of select="$doc-lang"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$lang"/></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:text>&#10;</xsl:text>
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:call-template name="page-title"/></title>
        <!-- An empty icon: a page opened from disk should request nothing. -->
        <link rel="icon" href="data:,"/>
        <style>
          <xsl:value-of select="$css"/>
          <xsl:value-of select="$css-extra"/>
        </style>
        <xsl:call-template name="headHook"/>
      </head>
      <xsl:text>&#10;</xsl:text>
      <body>
        <xsl:if test="$texts/tei:body">
          <a class="skip" href="#text">Skip to the text</a>
        </xsl:if>
        <xsl:call-template name="bodyStartHook"/>
        <main>
          <article class="memo">
            <xsl:if test="$doc-div/@xml:id">
              <xsl:attribute name="id"><xsl:value-of select="$doc-div/@xml:id"/></xsl:attribute>
            </xsl:if>
            <xsl:apply-templates select="$texts[1]"/>
          </article>
        </main>
      </body>
      <xsl:text>&#10;</xsl:text>
    </html>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="page-title">
    <xsl:variable name="head">
      <xsl:apply-templates select="$doc-div/tei:head[1]" mode="plain"/>
    </xsl:variable>
    <xsl:variable name="date">
      <xsl:apply-templates select="($doc-div//tei:dateline)[1]" mode="plain"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="normalize-space($head)"><xsl:value-of select="normalize-space($head)"/></xsl:when>
      <xsl:when test="normalize-space(($headers//tei:titleStmt/tei:title)[1])">
        <xsl:value-of select="normalize-space(($headers//tei:titleStmt/tei:title)[1])"/>
      </xsl:when>
      <xsl:when test="normalize-space(($texts/descendant::tei:docTitle)[1])">
        <xsl:value-of select="normalize-space(($texts/descendant::tei:docTitle)[1])"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$untitled"/></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="normalize-space($date)">
      <xsl:value-of select="concat(' — ', normalize-space($date))"/>
    </xsl:if>
  </xsl:template>

  <!-- ===== structure ===== -->

  <!-- The outermost text. A memorandum's document div makes the page itself;
       TEI from elsewhere gets a title block, its text (front, body, groups of
       texts, back) and its notes and apparatus. -->
  <xsl:template match="tei:text">
    <xsl:choose>
      <xsl:when test="$doc-div/self::tei:div">
        <xsl:apply-templates select="tei:front | tei:body | tei:back"/>
      </xsl:when>
      <xsl:otherwise>
        <header class="title-block">
          <h1 class="doc-title"><xsl:call-template name="page-title"/></h1>
          <xsl:call-template name="facts"/>
        </header>
        <div class="text" id="text">
          <xsl:apply-templates select="tei:front | tei:body | tei:group | tei:back"/>
        </div>
        <xsl:call-template name="footnotes"/>
        <xsl:call-template name="apparatus"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:body">
    <xsl:apply-templates select="* | text()[normalize-space()]"/>
  </xsl:template>

  <!-- The memorandum: title block, participants, legend, contents, text, notes. -->
  <xsl:template match="tei:div[@type='document']">
    <xsl:variable name="front"
                  select="tei:head | tei:argument | tei:dateline | tei:opener | tei:list[@type='subject']
                          | tei:list[@type='participants']"/>
    <header class="title-block">
      <xsl:apply-templates select="tei:head[1]" mode="title"/>
      <xsl:apply-templates select="tei:argument | tei:list[@type='subject'] | tei:dateline | tei:opener" mode="title"/>
      <xsl:call-template name="facts"/>
      <xsl:call-template name="titleBlockHook"/>
    </header>
    <xsl:text>&#10;</xsl:text>
    <xsl:apply-templates select="tei:list[@type='participants'][1]" mode="participants"/>
    <xsl:if test="not(tei:list[@type='participants']) and $headers//tei:person">
      <xsl:call-template name="participants-section"/>
    </xsl:if>
    <xsl:call-template name="legend"/>
    <xsl:call-template name="toc"/>
    <div class="text" id="text">
      <xsl:call-template name="textStartHook"/>
      <xsl:apply-templates select="node()[count(. | $front) != count($front)]
                                   [self::* or normalize-space()]"/>
    </div>
    <xsl:text>&#10;</xsl:text>
    <xsl:call-template name="footnotes"/>
    <xsl:call-template name="apparatus"/>
    <xsl:call-template name="textEndHook"/>
  </xsl:template>

  <!-- A section: a div with a head, or a break (two blank lines, no head). -->
  <xsl:template match="tei:div">
    <section>
      <xsl:attribute name="class">
        <xsl:text>section</xsl:text>
        <xsl:if test="@rend='space-before'"> space-before</xsl:if>
        <xsl:if test="not(tei:head)"> break</xsl:if>
      </xsl:attribute>
      <xsl:if test="tei:head">
        <xsl:attribute name="id"><xsl:call-template name="section-id"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="* | text()[normalize-space()]"/>
    </section>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="heading-level">
    <xsl:variable name="depth" select="count(ancestor::tei:div[not(@type='document')])"/>
    <xsl:choose>
      <xsl:when test="$depth &lt; 1">2</xsl:when>
      <xsl:when test="$depth &gt; 5">6</xsl:when>
      <xsl:otherwise><xsl:value-of select="$depth + 1"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:div/tei:head">
    <xsl:variable name="level"><xsl:call-template name="heading-level"/></xsl:variable>
    <xsl:element name="h{$level}">
      <xsl:attribute name="class">section-head</xsl:attribute>
      <xsl:apply-templates/>
    </xsl:element>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- A head anywhere else (a list's, a floating one) is a labelled line. -->
  <xsl:template match="tei:head">
    <xsl:call-template name="block"><xsl:with-param name="class" select="'head'"/></xsl:call-template>
  </xsl:template>

  <!-- The OH dialect's run-in section headings. -->
  <xsl:template match="tei:p[@rend='sectiontitleital']">
    <xsl:variable name="level"><xsl:call-template name="heading-level"/></xsl:variable>
    <xsl:element name="h{$level}">
      <xsl:attribute name="class">section-head</xsl:attribute>
      <xsl:attribute name="id"><xsl:call-template name="section-id"/></xsl:attribute>
      <xsl:apply-templates/>
    </xsl:element>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:p">
    <p><xsl:apply-templates/></p>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- A paragraph inside inline content (OH notes can hold p) stays inline. -->
  <xsl:template match="tei:p//tei:p | tei:head//tei:p">
    <span class="p"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:list">
    <xsl:apply-templates select="tei:head"/>
    <ul class="list">
      <!-- What stands between the items (a page break, a note) gets an item of its own. -->
      <xsl:for-each select="*[not(self::tei:head)]">
        <xsl:choose>
          <xsl:when test="self::tei:item"><xsl:apply-templates select="."/></xsl:when>
          <xsl:otherwise><li class="between"><xsl:apply-templates select="."/></li></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </ul>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:item">
    <li><xsl:apply-templates/></li>
  </xsl:template>

  <!-- Lists inside a paragraph or note cannot be ul there (phrasing content). -->
  <xsl:template match="tei:p//tei:list | tei:note//tei:list">
    <span class="list">
      <xsl:for-each select="tei:head | tei:item">
        <span class="item"><xsl:apply-templates/></span>
        <xsl:text> </xsl:text>
      </xsl:for-each>
    </span>
  </xsl:template>

  <!-- ===== title block ===== -->

  <xsl:template match="tei:head" mode="title">
    <h1 class="doc-title"><xsl:apply-templates/></h1>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- "7. Memorandum of Conversation": the number set apart.
       The pattern means "tei:div[@type='document']/tei:head/text()[1]", written so
       that the cheap test on the parent comes first: libxslt tries it on every
       text node, and "text()[1]" would count the preceding siblings of each, so
       a paragraph of n phrases would take n² steps. -->
  <xsl:template match="text()[parent::tei:head[parent::tei:div[@type='document']]]
                       [not(preceding-sibling::text()[1])]">
    <xsl:variable name="number" select="concat(ancestor::tei:div[@type='document'][1]/@n, '.')"/>
    <xsl:choose>
      <xsl:when test="not(preceding-sibling::node()) and string-length($number) &gt; 1
                      and starts-with(., concat($number, ' '))">
        <span class="doc-number"><xsl:value-of select="$number"/></span>
        <xsl:value-of select="substring-after(., $number)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:argument" mode="title">
    <xsl:for-each select="tei:p">
      <p class="subject"><xsl:apply-templates/></p>
    </xsl:for-each>
    <xsl:apply-templates select="*[not(self::tei:p)]"/>
  </xsl:template>

  <xsl:template match="tei:list[@type='subject']" mode="title">
    <p class="subject">
      <span class="label">
        <xsl:choose>
          <xsl:when test="tei:head"><xsl:apply-templates select="tei:head/node()"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$subject-label"/></xsl:otherwise>
        </xsl:choose>
        <xsl:text>: </xsl:text>
      </span>
      <xsl:for-each select="tei:item">
        <xsl:if test="position() &gt; 1">; </xsl:if>
        <xsl:apply-templates/>
      </xsl:for-each>
    </p>
  </xsl:template>

  <xsl:template match="tei:dateline" mode="title">
    <p class="dateline"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:opener" mode="title">
    <xsl:choose>
      <!-- Address lines typed in the opener itself (TO: …<lb/>FROM: …): one paragraph, lines kept. -->
      <xsl:when test="text()[normalize-space()]">
        <p class="opener"><xsl:apply-templates/></p>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates select="*" mode="title"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="*" mode="title">
    <p><xsl:apply-templates/></p>
  </xsl:template>

  <!-- Source citation, printed pages and the list of page anchors. -->
  <xsl:template name="facts">
    <!-- The note in the text carries markup (linked names); the header's copy is the fallback. -->
    <!-- the first in the memorandum: a note whose ancestors include $doc-div -->
    <xsl:variable name="text-source"
                  select="$text-notes[@type='source'][$doc-div and count(ancestor::* | $doc-div) = count(ancestor::*)][1]"/>
    <xsl:variable name="source"
                  select="$text-source | ($headers//tei:bibl/tei:note[@type='source'])[1][not($text-source)]"/>
    <xsl:variable name="range"><xsl:call-template name="page-range"/></xsl:variable>
    <xsl:variable name="breaks" select="$texts/descendant::tei:pb[@n]"/>
    <xsl:if test="$source or normalize-space($range) or $breaks">
      <dl class="facts">
        <xsl:if test="$source">
          <div>
            <dt><xsl:value-of select="$source-label"/></dt>
            <dd class="source"><xsl:apply-templates select="$source/node()" mode="cite"/></dd>
          </div>
        </xsl:if>
        <xsl:if test="normalize-space($range)">
          <div>
            <dt><xsl:value-of select="$pages-label"/></dt>
            <dd>
              <xsl:choose>
                <xsl:when test="contains($range, '–')">pp. </xsl:when>
                <xsl:otherwise>p. </xsl:otherwise>
              </xsl:choose>
              <xsl:value-of select="$range"/>
            </dd>
          </div>
        </xsl:if>
        <xsl:if test="$breaks">
          <div>
            <dt><xsl:value-of select="$page-breaks-label"/></dt>
            <dd>
              <nav class="pages" aria-label="{$page-breaks-label}">
                <xsl:for-each select="$breaks">
                  <xsl:variable name="anchored"><xsl:call-template name="page-has-anchor"/></xsl:variable>
                  <xsl:if test="$anchored = 'yes'">
                    <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
                    <a>
                      <xsl:attribute name="href">#<xsl:call-template name="page-id"/></xsl:attribute>
                      <xsl:value-of select="@n"/>
                    </a>
                  </xsl:if>
                </xsl:for-each>
              </nav>
            </dd>
          </div>
        </xsl:if>
      </dl>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- The dt says "Source"; the note's own "Source:" would repeat it. -->
  <xsl:template match="text()" mode="cite">
    <xsl:choose>
      <xsl:when test="not(preceding-sibling::node()) and starts-with(normalize-space(.), 'Source:')">
        <xsl:value-of select="substring-after(., 'Source:')"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="*" mode="cite">
    <xsl:apply-templates select="."/>
  </xsl:template>

  <!-- ===== participants ===== -->

  <xsl:template match="tei:list" mode="participants">
    <section class="participants" aria-labelledby="participants-heading">
      <h2 id="participants-heading">
        <xsl:choose>
          <xsl:when test="tei:head"><xsl:apply-templates select="tei:head/node()"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$participants-heading"/></xsl:otherwise>
        </xsl:choose>
      </h2>
      <div class="sides">
        <xsl:choose>
          <xsl:when test="tei:item/tei:list">
            <xsl:for-each select="tei:item/tei:list">
              <xsl:call-template name="side">
                <xsl:with-param name="number" select="position()"/>
              </xsl:call-template>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="side">
              <xsl:with-param name="show-head" select="false()"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </div>
      <xsl:call-template name="mentioned"/>
    </section>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="side">
    <xsl:param name="number" select="0"/>
    <xsl:param name="show-head" select="true()"/>
    <xsl:variable name="affiliated" select="normalize-space(ancestor::tei:TEI[1]/tei:teiHeader/tei:profileDesc/tei:particDesc
                                            /tei:listPerson/tei:listPerson[@n = $number]/tei:head)"/>
    <div class="side">
      <xsl:choose>
        <xsl:when test="tei:head and $show-head">
          <h3><xsl:apply-templates select="tei:head/node()"/></h3>
        </xsl:when>
        <xsl:when test="$number &gt; 0 and count(../../tei:item[tei:list]) &gt; 1 and $affiliated">
          <!-- The text gives no name; the header names the group from its members' affiliations. -->
          <h3 class="affiliated"><xsl:value-of select="$affiliated"/></h3>
        </xsl:when>
        <xsl:when test="$number &gt; 0 and count(../../tei:item[tei:list]) &gt; 1">
          <h3 class="quiet"><xsl:value-of select="concat($side-label, ' ', $number)"/></h3>
        </xsl:when>
      </xsl:choose>
      <ul>
        <xsl:apply-templates select="tei:item" mode="participants"/>
      </ul>
    </div>
  </xsl:template>

  <xsl:template match="tei:item" mode="participants">
    <xsl:variable name="name" select="tei:persName[@ref][1]"/>
    <xsl:variable name="id">
      <xsl:if test="$name">
        <xsl:call-template name="ref-id"><xsl:with-param name="pointer" select="$name/@ref"/></xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="anchored"
                  select="string($id) != '' and key('person', $id)
                          and generate-id(key('listed', $id)[1]) = generate-id($name)"/>
    <xsl:variable name="speaks-with-others">
      <xsl:for-each select="$several-pointers">
        <xsl:if test="key('several-pointer', concat('#', $id))">yes</xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="speaks"
                  select="string($id) != '' and (key('said-by-who', concat('#', $id)) or $speaks-with-others = 'yes')"/>
    <li>
      <xsl:attribute name="class">
        <xsl:text>participant</xsl:text>
        <xsl:if test="$speaks">
          <xsl:text> speaker </xsl:text>
          <xsl:call-template name="speaker-class"><xsl:with-param name="id" select="$id"/></xsl:call-template>
        </xsl:if>
      </xsl:attribute>
      <xsl:if test="$anchored">
        <xsl:attribute name="id"><xsl:value-of select="concat('person-', $id)"/></xsl:attribute>
      </xsl:if>
      <!-- With speakers on the page, every participant gets a dot: filled in the
           speaker's colour, hollow for one whose speech is not marked. -->
      <xsl:if test="$has-said"><span class="swatch" aria-hidden="true"></span></xsl:if>
      <xsl:apply-templates select="node()" mode="participants"/>
    </li>
  </xsl:template>

  <!-- In the list, a name is the anchor, not a link; its role (from the
       header's roleName) is set apart: "Ambassador Able". -->
  <xsl:template match="tei:persName" mode="participants">
    <xsl:variable name="id"><xsl:call-template name="ref-id"/></xsl:variable>
    <xsl:variable name="role" select="normalize-space(key('person', $id)/tei:persName/tei:roleName)"/>
    <xsl:variable name="text" select="string(.)"/>
    <span class="name">
      <xsl:choose>
        <xsl:when test="$role != '' and not(*) and starts-with($text, concat($role, ' '))">
          <span class="role"><xsl:value-of select="$role"/></span>
          <xsl:text> </xsl:text>
          <strong><xsl:value-of select="substring-after($text, concat($role, ' '))"/></strong>
        </xsl:when>
        <xsl:otherwise><strong><xsl:apply-templates/></strong></xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <!-- What follows a name ("(SOV) (notetaker)", ", Interpreter") is detail. -->
  <xsl:template match="text()[preceding-sibling::tei:persName]" mode="participants">
    <span class="detail"><xsl:value-of select="."/></span>
  </xsl:template>

  <xsl:template match="*" mode="participants">
    <xsl:apply-templates select="."/>
  </xsl:template>

  <!-- Without a participants list in the text, the header's persons stand in. -->
  <xsl:template name="participants-section">
    <section class="participants" aria-labelledby="participants-heading">
      <h2 id="participants-heading"><xsl:value-of select="$participants-heading"/></h2>
      <xsl:call-template name="mentioned"/>
    </section>
  </xsl:template>

  <!-- Every declared person not anchored in the participants list. -->
  <xsl:template name="mentioned">
    <xsl:variable name="others" select="$headers//tei:person[@xml:id][not(key('listed', @xml:id))]"/>
    <xsl:if test="$others">
      <p class="mentioned">
        <span class="label"><xsl:value-of select="$mentioned-label"/>: </span>
        <xsl:for-each select="$others">
          <xsl:if test="position() &gt; 1">, </xsl:if>
          <span class="person-entry" id="person-{@xml:id}">
            <xsl:apply-templates select="tei:persName[1]" mode="header-name"/>
          </span>
        </xsl:for-each>
      </p>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:roleName" mode="header-name">
    <span class="role"><xsl:apply-templates mode="header-name"/></span>
  </xsl:template>

  <!-- ===== speakers ===== -->

  <!-- Each person's number, count(preceding::tei:person), counted once and
       looked up by key: counting for every utterance would take n² steps for n
       persons who speak. (Persons do not nest, so the count is position() - 1.) -->
  <xsl:variable name="person-numbers-tree">
    <xsl:for-each select="//tei:person">
      <person-number id="{generate-id()}" n="{position() - 1}"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="person-numbers" select="exsl:node-set($person-numbers-tree)"/>
  <xsl:key name="person-number" match="person-number" use="@id"/>

  <xsl:template name="speaker-index">
    <xsl:param name="id"/>
    <xsl:variable name="person" select="key('person', $id)"/>
    <xsl:choose>
      <xsl:when test="$person">
        <!-- the last of two persons with one id: the one the count counted up to -->
        <xsl:variable name="gid" select="generate-id($person[last()])"/>
        <xsl:for-each select="$person-numbers">
          <xsl:value-of select="key('person-number', $gid)/@n mod $speaker-colours"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>x</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="speaker-class">
    <xsl:param name="id"/>
    <xsl:text>speaker-c</xsl:text>
    <xsl:call-template name="speaker-index"><xsl:with-param name="id" select="$id"/></xsl:call-template>
  </xsl:template>

  <!-- A speaker's short name: the header's surname, else the name as written. -->
  <xsl:template name="speaker-name">
    <xsl:param name="id"/>
    <xsl:variable name="person" select="key('person', $id)"/>
    <xsl:choose>
      <xsl:when test="$person/tei:persName/tei:surname">
        <xsl:value-of select="normalize-space($person/tei:persName/tei:surname)"/>
      </xsl:when>
      <xsl:when test="$person/tei:persName">
        <xsl:value-of select="normalize-space($person/tei:persName)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$id"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "#able #baker" → "Able &amp; Baker", the pointers taken one by one. -->
  <xsl:template name="speaker-names">
    <xsl:param name="pointers"/>
    <xsl:variable name="first" select="substring-before(concat($pointers, ' '), ' ')"/>
    <xsl:variable name="rest" select="substring-after($pointers, ' ')"/>
    <xsl:variable name="id">
      <xsl:call-template name="ref-id"><xsl:with-param name="pointer" select="$first"/></xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="speaker-name">
      <xsl:with-param name="id" select="string($id)"/>
    </xsl:call-template>
    <xsl:if test="normalize-space($rest)">
      <xsl:text> &amp; </xsl:text>
      <xsl:call-template name="speaker-names">
        <xsl:with-param name="pointers" select="$rest"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The first utterance of each speaker (by the first pointer of @who), in
       reading order, found in one pass: set:distinct keeps the first of each
       pointer. (Grouping by key would copy every speaker's utterances for each
       utterance: n² steps.) -->
  <xsl:variable name="said-pointers-tree">
    <xsl:for-each select="$said">
      <said-pointer p="{substring-before(concat(normalize-space(@who), ' '), ' ')}"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="first-said-pointers" select="set:distinct(exsl:node-set($said-pointers-tree)/said-pointer/@p)"/>
  <xsl:variable name="source-root" select="/"/>

  <xsl:template name="legend">
    <xsl:if test="$has-said">
      <aside class="legend" aria-label="{$speakers-label}">
        <span class="label"><xsl:value-of select="$speakers-label"/>:</span>
        <ul>
          <xsl:for-each select="$first-said-pointers">
            <xsl:variable name="pointer" select="string(.)"/>
            <!-- back in the TEI document, where the keys find the persons -->
            <xsl:for-each select="$source-root">
            <xsl:variable name="id"><xsl:call-template name="ref-id"><xsl:with-param name="pointer" select="$pointer"/></xsl:call-template></xsl:variable>
            <li>
              <xsl:attribute name="class">
                <xsl:call-template name="speaker-class"><xsl:with-param name="id" select="$id"/></xsl:call-template>
              </xsl:attribute>
              <span class="swatch" aria-hidden="true"></span>
              <xsl:choose>
                <xsl:when test="key('person', $id)">
                  <a href="#person-{$id}"><xsl:call-template name="speaker-name"><xsl:with-param name="id" select="$id"/></xsl:call-template></a>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:call-template name="speaker-name"><xsl:with-param name="id" select="$id"/></xsl:call-template>
                </xsl:otherwise>
              </xsl:choose>
            </li>
            </xsl:for-each>
          </xsl:for-each>
        </ul>
      </aside>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- Reported speech: tinted in the speaker's colour; where the speaker
       changes, a label (CSS content, so it is never copied with the text). -->
  <xsl:template match="tei:said">
    <xsl:variable name="id">
      <xsl:call-template name="ref-id"><xsl:with-param name="pointer" select="@who"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="previous" select="preceding-sibling::tei:said[1]"/>
    <span>
      <xsl:attribute name="class">
        <xsl:text>said </xsl:text>
        <xsl:call-template name="speaker-class"><xsl:with-param name="id" select="$id"/></xsl:call-template>
        <xsl:if test="not($previous) or $previous/@who != @who"> turn</xsl:if>
      </xsl:attribute>
      <xsl:if test="@who">
        <xsl:attribute name="data-speaker">
          <xsl:call-template name="speaker-names">
            <xsl:with-param name="pointers" select="normalize-space(@who)"/>
          </xsl:call-template>
        </xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- ===== contents ===== -->

  <xsl:template name="toc">
    <xsl:if test="$show-toc = 'yes' and $headings">
      <nav class="toc" aria-labelledby="toc-heading">
        <h2 id="toc-heading"><xsl:value-of select="$toc-heading"/></h2>
        <ol>
          <xsl:for-each select="$headings">
            <xsl:variable name="target">
              <xsl:choose>
                <xsl:when test="self::tei:head">
                  <xsl:call-template name="section-id"><xsl:with-param name="node" select=".."/></xsl:call-template>
                </xsl:when>
                <xsl:otherwise><xsl:call-template name="section-id"/></xsl:otherwise>
              </xsl:choose>
            </xsl:variable>
            <li>
              <a href="#{$target}">
                <xsl:value-of select="normalize-space(string(.))"/>
              </a>
            </li>
          </xsl:for-each>
        </ol>
      </nav>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- ===== inline ===== -->

  <!-- The id as ref-id gives it, computed here: a name is the commonest element of a
       memorandum, and a variable built by a template is a tree of its own for each. -->
  <xsl:template match="tei:persName">
    <xsl:variable name="token" select="substring-before(concat(normalize-space(@ref), ' '), ' ')"/>
    <xsl:variable name="id" select="substring($token, 1 + starts-with($token, '#'))"/>
    <xsl:choose>
      <xsl:when test="@ref and key('person', $id)">
        <a class="person" href="#person-{$id}"><xsl:apply-templates/></a>
      </xsl:when>
      <xsl:otherwise>
        <span class="person"><xsl:apply-templates/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- No nested links: a name inside a link stays a marked name. -->
  <xsl:template match="tei:ref//tei:persName">
    <span class="person"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:date">
    <xsl:choose>
      <xsl:when test="@when"><time datetime="{@when}"><xsl:apply-templates/></time></xsl:when>
      <xsl:otherwise><span class="date"><xsl:apply-templates/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:placeName">
    <span class="place"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- The marks are written as text (CSS adds none): copied text keeps them. -->
  <xsl:template match="tei:q">
    <q>
      <xsl:call-template name="rendition-marks"><xsl:with-param name="scope" select="'before'"/></xsl:call-template>
      <xsl:apply-templates/>
      <xsl:call-template name="rendition-marks"><xsl:with-param name="scope" select="'after'"/></xsl:call-template>
    </q>
  </xsl:template>

  <xsl:template match="tei:gloss | tei:abbr">
    <abbr><xsl:apply-templates/></abbr>
  </xsl:template>

  <xsl:template match="tei:hi">
    <xsl:choose>
      <xsl:when test="contains(@rend, 'italic')"><i><xsl:apply-templates/></i></xsl:when>
      <xsl:when test="contains(@rend, 'bold')"><b><xsl:apply-templates/></b></xsl:when>
      <xsl:when test="contains(@rend, 'sup')"><sup><xsl:apply-templates/></sup></xsl:when>
      <xsl:when test="contains(@rend, 'sub')"><sub><xsl:apply-templates/></sub></xsl:when>
      <xsl:otherwise><em><xsl:apply-templates/></em></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A pointer is a link only when its target is on this page or on the web. -->
  <xsl:template match="tei:ref">
    <xsl:variable name="id"><xsl:call-template name="ref-id"><xsl:with-param name="pointer" select="@target"/></xsl:call-template></xsl:variable>
    <xsl:variable name="note" select="key('by-id', $id)/parent::tei:note"/>
    <xsl:choose>
      <xsl:when test="starts-with(@target, '#') and $note">
        <a class="ref">
          <xsl:attribute name="href">
            <xsl:text>#</xsl:text>
            <xsl:call-template name="note-id"><xsl:with-param name="note" select="$note"/></xsl:call-template>
          </xsl:attribute>
          <xsl:apply-templates/>
        </a>
      </xsl:when>
      <xsl:when test="starts-with(@target, 'http://') or starts-with(@target, 'https://')">
        <a class="ref" href="{@target}"><xsl:apply-templates/></a>
      </xsl:when>
      <xsl:otherwise><span class="ref"><xsl:apply-templates/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:lb">
    <br/>
  </xsl:template>

  <!-- ===== page breaks ===== -->

  <!-- Inside running text: a thin mark at the break and a margin label; the
       sentence flows on. Between blocks: a rule with the label. -->
  <xsl:template match="tei:pb">
    <xsl:choose>
      <xsl:when test="ancestor::tei:p | ancestor::tei:head | ancestor::tei:item | ancestor::tei:note
                      | ancestor::tei:dateline | ancestor::tei:said | ancestor::tei:q">
        <span class="pb"><xsl:call-template name="page-marker"/></span>
      </xsl:when>
      <xsl:otherwise>
        <div class="pb pb-block"><xsl:call-template name="page-marker"/></div>
        <xsl:text>&#10;</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The anchor id (first break of that number only) and the label linking to it. -->
  <xsl:template name="page-marker">
    <xsl:variable name="anchored"><xsl:call-template name="page-has-anchor"/></xsl:variable>
    <xsl:variable name="page-id"><xsl:call-template name="page-id"/></xsl:variable>
    <xsl:if test="$anchored = 'yes'">
      <xsl:attribute name="id"><xsl:value-of select="$page-id"/></xsl:attribute>
    </xsl:if>
    <a class="pb-label" href="#{$page-id}" title="Printed page {@n} begins here">
      <!-- Spaces around the label keep "rain p. 40 later" apart in the
           text content (copy, search, reader modes); CSS hides them. -->
      <xsl:value-of select="concat(' ', $page-prefix, @n, ' ')"/>
    </a>
  </xsl:template>

  <!-- ===== notes ===== -->

  <!-- A footnote at its reference point: the number, linked to the note. -->
  <xsl:template match="tei:note">
    <xsl:variable name="referenced"><xsl:call-template name="is-referenced"/></xsl:variable>
    <xsl:if test="$referenced = 'yes'">
      <xsl:variable name="note-id"><xsl:call-template name="note-id"/></xsl:variable>
      <xsl:variable name="label"><xsl:call-template name="note-label"/></xsl:variable>
      <sup class="noteref">
        <a id="{$note-id}-ref" href="#{$note-id}" role="doc-noteref" aria-label="Note {$label}">
          <xsl:value-of select="$label"/>
        </a>
      </sup>
    </xsl:if>
  </xsl:template>

  <!-- An editorial note: shown where it stands, brackets and all. -->
  <xsl:template match="tei:note[@place='inline']">
    <span class="editorial"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:div/tei:note[@place='inline'] | tei:body/tei:note[@place='inline']">
    <p class="editorial"><xsl:apply-templates/></p>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="footnotes">
    <xsl:if test="$footnotes">
      <section class="footnotes" aria-labelledby="notes-heading">
        <h2 id="notes-heading"><xsl:value-of select="$notes-heading"/></h2>
        <ol>
          <xsl:for-each select="$footnotes">
            <xsl:variable name="note-id"><xsl:call-template name="note-id"/></xsl:variable>
            <xsl:variable name="label"><xsl:call-template name="note-label"/></xsl:variable>
            <xsl:variable name="referenced"><xsl:call-template name="is-referenced"/></xsl:variable>
            <li id="{$note-id}">
              <xsl:attribute name="class">
                <xsl:text>footnote</xsl:text>
                <xsl:if test="@type"><xsl:value-of select="concat(' ', @type)"/></xsl:if>
              </xsl:attribute>
              <xsl:choose>
                <xsl:when test="$referenced = 'yes'">
                  <a class="note-number" href="#{$note-id}-ref" aria-label="{$back-label} (note {$label})">
                    <xsl:value-of select="concat($label, '.')"/>
                  </a>
                </xsl:when>
                <xsl:otherwise>
                  <span class="note-number"><xsl:value-of select="concat($label, '.')"/></span>
                </xsl:otherwise>
              </xsl:choose>
              <div class="note-body">
                <xsl:apply-templates/>
                <xsl:if test="$referenced = 'yes'">
                  <xsl:text> </xsl:text>
                  <a class="backref" href="#{$note-id}-ref" aria-label="{$back-label} (note {$label})">↩&#xFE0E;</a>
                </xsl:if>
              </div>
            </li>
            <xsl:text>&#10;</xsl:text>
          </xsl:for-each>
        </ol>
      </section>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- A paragraph inside a footnote is a block of the note body. -->
  <xsl:template match="tei:note[not(@place='inline')]/tei:p" priority="2">
    <p><xsl:apply-templates/></p>
  </xsl:template>

</xsl:stylesheet>
