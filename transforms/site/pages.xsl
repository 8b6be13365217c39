<?xml version="1.0" encoding="UTF-8"?>
<!--
  pages.xsl: the edition site's own pages, from the site's data (tei.apps.site.write):

    <site title source documents pages notes persons complete generator>
      <document href tei text number title when year date subject pages notes
                persons="id id …" names="Name, Name …"/>…   (the participants)
      <person id name documents words roles participant="yes|no"/>…
      <failed name error/>…                    (inputs that gave no document)
    </site>

  Parameter page: home (documents by number), by-date, persons (the list), search;
  person (input: <site title><person id name …><name/>…<role/>…<affiliation/>…
  <in href number title date when side words name mentions="m-5:212:2 m-12:213:1 …"/>…
  (mentions: per page, the first mention's anchor, the page, how many there are)
  </person></site>, one page in persons/, whose links start from the root: <base>).
  For home and by-date: rows (the positions of the documents on this page, in order,
  "0 1 2 …"), part and parts (this page's number among the pages of that list).
  Every page works without script; site.js adds the filters, search.js the search.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:str="http://exslt.org/strings" exclude-result-prefixes="str">

  <xsl:output method="html" encoding="UTF-8" indent="no" doctype-system="about:legacy-compat"/>

  <xsl:param name="page" select="'home'"/>
  <xsl:param name="rows" select="''"/>
  <xsl:param name="part" select="'1'"/>
  <xsl:param name="parts" select="'1'"/>

  <xsl:key name="year" match="document" use="@year"/>

  <xsl:template match="/site">
    <xsl:variable name="root" select="''"/>
    <html lang="en">
      <head>
        <!-- The charset meta element is written by the html output method. -->
        <xsl:if test="$page = 'person'"><base href="../"/></xsl:if>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>
          <xsl:choose>
            <xsl:when test="$page = 'person'"><xsl:value-of select="concat(person/@name, ' — ')"/></xsl:when>
            <xsl:when test="$page = 'persons'">Persons — </xsl:when>
            <xsl:when test="$page = 'search'">Search — </xsl:when>
          </xsl:choose>
          <xsl:value-of select="@title"/>
        </title>
        <link rel="icon" href="data:,"/>
        <link rel="stylesheet" href="{$root}_site/site.css"/>
        <script src="{$root}_site/site.js" defer="defer"></script>
        <xsl:if test="$page = 'search'">
          <script src="_site/search-data.js" defer="defer"></script>
          <script src="_site/minisearch.js" defer="defer"></script>
          <script src="_site/search.js" defer="defer"></script>
        </xsl:if>
      </head>
      <body class="site-page">
        <nav class="site" aria-label="Edition">
          <a href="{$root}index.html" rel="home">All documents</a>
          <a href="{$root}persons.html">Persons</a>
          <a href="{$root}search.html">Search</a>
        </nav>
        <main id="main">
          <xsl:choose>
            <xsl:when test="$page = 'home' or $page = 'by-date'"><xsl:call-template name="home"/></xsl:when>
            <xsl:when test="$page = 'persons'"><xsl:call-template name="persons"/></xsl:when>
            <xsl:when test="$page = 'person'"><xsl:apply-templates select="person" mode="page"/></xsl:when>
            <xsl:when test="$page = 'search'"><xsl:call-template name="search"/></xsl:when>
          </xsl:choose>
        </main>
        <footer class="site"><p>Made by <xsl:value-of select="@generator"/> from plain-text copies of the documents.</p></footer>
      </body>
    </html>
  </xsl:template>

  <!-- ===== home ===== -->

  <xsl:template name="home">
    <h1><xsl:value-of select="@title"/></h1>
    <xsl:if test="@source != ''">
      <p class="source">Converted from the plain-text files in the folder <i><xsl:value-of select="@source"/></i>.</p>
    </xsl:if>
    <p class="counts">
      <span><b><xsl:value-of select="@documents"/></b> documents</span>
      <span><b><xsl:value-of select="@pages"/></b> pages</span>
      <span><b><xsl:value-of select="@notes"/></b> notes</span>
      <span><a href="persons.html"><b><xsl:value-of select="@persons"/></b> persons</a></span>
    </p>
    <xsl:if test="@complete = 'no'">
      <p class="incomplete">The run that made this edition was interrupted: only the documents converted
        before it stopped are listed.</p>
    </xsl:if>
    <form class="search-form" action="search.html" role="search">
      <label for="q">Search the edition</label>
      <input id="q" name="q" type="search"/>
      <button type="submit">Search</button>
    </form>
    <xsl:call-template name="parts"/>
    <p class="sort">Sort:
      <xsl:choose>
        <xsl:when test="$page = 'home'"><strong aria-current="page">by document</strong> · <a href="by-date.html" id="sort-date">by date</a></xsl:when>
        <xsl:otherwise><a href="index.html" id="sort-number">by document</a> · <strong aria-current="page">by date</strong></xsl:otherwise>
      </xsl:choose>
    </p>
    <div class="filters" hidden="hidden">
      <label>Person <select id="filter-person"><option value="">anyone</option>
        <xsl:for-each select="person[@participant = 'yes']">
          <xsl:sort select="@name"/>
          <option value="{@id}"><xsl:value-of select="@name"/></option>
        </xsl:for-each>
      </select></label>
      <label>Year <select id="filter-year"><option value="">any</option>
        <xsl:for-each select="document[@year != ''][generate-id() = generate-id(key('year', @year)[1])]">
          <xsl:sort select="@year"/>
          <option><xsl:value-of select="@year"/></option>
        </xsl:for-each>
      </select></label>
      <output id="filter-count" aria-live="polite"></output>
    </div>
    <table class="documents">
      <thead><tr><th scope="col">No.</th><th scope="col">Document</th><th scope="col">Date</th>
        <th scope="col">Subject</th><th scope="col">Participants</th></tr></thead>
      <tbody>
        <xsl:variable name="documents" select="document"/>
        <xsl:for-each select="str:tokenize($rows, ' ')">
          <xsl:apply-templates select="$documents[position() = number(current()) + 1]"/>
        </xsl:for-each>
      </tbody>
    </table>
    <xsl:call-template name="parts"/>
    <xsl:if test="failed">
      <h2 class="failed-heading">Not converted</h2>
      <p>These files gave no document; report.json has every message.</p>
      <ul class="failed">
        <xsl:for-each select="failed">
          <li><b><xsl:value-of select="@name"/></b>: <xsl:value-of select="@error"/></li>
        </xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:template>

  <!-- A long list is cut into pages: links to the others. -->
  <xsl:template name="parts">
    <xsl:if test="$parts &gt; 1">
      <nav class="parts" aria-label="Pages of the list">Documents, page
        <xsl:variable name="stem"><xsl:choose><xsl:when test="$page = 'by-date'">by-date</xsl:when>
          <xsl:otherwise>index</xsl:otherwise></xsl:choose></xsl:variable>
        <xsl:for-each select="(document | person)[position() &lt;= $parts]">
          <xsl:variable name="file">
            <xsl:value-of select="$stem"/><xsl:if test="position() &gt; 1">-<xsl:value-of select="position()"/></xsl:if>
            <xsl:text>.html</xsl:text>
          </xsl:variable>
          <xsl:text> </xsl:text>
          <xsl:choose>
            <xsl:when test="position() = $part"><strong aria-current="page"><xsl:value-of select="position()"/></strong></xsl:when>
            <xsl:otherwise><a href="{$file}"><xsl:value-of select="position()"/></a></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </nav>
    </xsl:if>
  </xsl:template>

  <xsl:template match="document">
    <tr data-year="{@year}" data-persons="{concat(' ', @persons, ' ')}">
      <td class="number"><xsl:value-of select="@number"/></td>
      <td>
        <xsl:choose>
          <xsl:when test="@href != ''"><a href="{@href}"><xsl:value-of select="@title"/></a></xsl:when>
          <xsl:otherwise><xsl:value-of select="@title"/></xsl:otherwise>
        </xsl:choose>
        <xsl:if test="@pages != ''"><span class="pages"> (p. <xsl:value-of select="@pages"/>)</span></xsl:if>
      </td>
      <td class="date"><xsl:if test="@when != ''"><time datetime="{@when}"><xsl:value-of select="@date"/></time></xsl:if>
        <xsl:if test="@when = ''"><xsl:value-of select="@date"/></xsl:if></td>
      <td class="subject"><xsl:value-of select="@subject"/></td>
      <td class="participants"><xsl:value-of select="@names"/></td>
    </tr>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- ===== persons ===== -->

  <xsl:template name="persons">
    <h1>Persons</h1>
    <p><xsl:value-of select="@persons"/> persons in <xsl:value-of select="@documents"/> documents. A person
      named by office alone (“the Secretary”) is listed once for each document.</p>
    <table class="persons">
      <thead><tr><th scope="col">Name</th><th scope="col">Roles and affiliations</th>
        <th scope="col">Documents</th><th scope="col">Words said</th></tr></thead>
      <tbody>
        <xsl:for-each select="person">
          <tr><td><a href="persons/{@id}.html"><xsl:value-of select="@name"/></a></td>
            <td><xsl:value-of select="@roles"/></td><td class="number"><xsl:value-of select="@documents"/></td>
            <td class="number"><xsl:value-of select="@words"/></td></tr>
          <xsl:text>&#10;</xsl:text>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>

  <xsl:template match="person" mode="page">
    <h1><xsl:value-of select="@name"/></h1>
    <dl class="person-facts">
      <xsl:if test="name[2]"><dt>Also named</dt>
        <dd><xsl:for-each select="name[position() &gt; 1]"><xsl:if test="position() &gt; 1">; </xsl:if><xsl:value-of select="."/></xsl:for-each></dd></xsl:if>
      <xsl:if test="role"><dt>Roles</dt>
        <dd><xsl:for-each select="role"><xsl:if test="position() &gt; 1">; </xsl:if><xsl:value-of select="."/></xsl:for-each></dd></xsl:if>
      <xsl:if test="affiliation"><dt>Affiliations</dt>
        <dd><xsl:for-each select="affiliation"><xsl:if test="position() &gt; 1">; </xsl:if><xsl:value-of select="."/></xsl:for-each></dd></xsl:if>
      <dt>Documents</dt><dd><xsl:value-of select="@documents"/></dd>
      <dt>Words said</dt><dd><xsl:value-of select="@words"/></dd>
    </dl>
    <table class="appearances">
      <thead><tr><th scope="col">Document</th><th scope="col">Date</th><th scope="col">Side</th>
        <th scope="col">Words said</th><th scope="col">Mentioned on</th></tr></thead>
      <tbody>
        <xsl:for-each select="in">
          <tr>
            <td><xsl:value-of select="concat(@number, '. ')"/>
              <xsl:choose>
                <xsl:when test="@href != ''"><a href="{@href}"><xsl:value-of select="@title"/></a></xsl:when>
                <xsl:otherwise><xsl:value-of select="@title"/></xsl:otherwise>
              </xsl:choose></td>
            <td class="date"><xsl:value-of select="@date"/></td>
            <td><xsl:choose>
              <xsl:when test="@side = '0'">mentioned</xsl:when>
              <xsl:otherwise>participant, side <xsl:value-of select="@side"/></xsl:otherwise>
            </xsl:choose></td>
            <td class="number"><xsl:value-of select="@words"/></td>
            <td class="mentions">
              <xsl:variable name="href" select="@href"/>
              <xsl:for-each select="str:tokenize(@mentions, ' ')">
                <xsl:variable name="page" select="substring-before(substring-after(., ':'), ':')"/>
                <xsl:variable name="count" select="substring-after(substring-after(., ':'), ':')"/>
                <xsl:text> </xsl:text>
                <a href="{$href}#{substring-before(., ':')}">
                  <xsl:choose>
                    <xsl:when test="$page != ''"><xsl:value-of select="concat('p.&#160;', $page)"/></xsl:when>
                    <xsl:otherwise>before the first page break</xsl:otherwise>
                  </xsl:choose>
                </a>
                <xsl:if test="$count &gt; 1"><span class="count"><xsl:value-of select="concat('&#160;×', $count)"/></span></xsl:if>
              </xsl:for-each>
            </td>
          </tr>
          <xsl:text>&#10;</xsl:text>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>

  <!-- ===== search ===== -->

  <xsl:template name="search">
    <h1>Search</h1>
    <form class="search-form" action="search.html" role="search" id="search-form">
      <label for="q">Words to find</label>
      <input id="q" name="q" type="search" autofocus="autofocus"/>
      <button type="submit">Search</button>
    </form>
    <noscript><p class="notice">The search needs JavaScript. Without it, the list of
      <a href="index.html">all documents</a> and the <a href="persons.html">persons</a> lead to every page.</p></noscript>
    <p id="search-status" aria-live="polite"></p>
    <ol id="results" class="results"></ol>
  </xsl:template>

</xsl:stylesheet>
