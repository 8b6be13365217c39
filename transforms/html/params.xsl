<?xml version="1.0" encoding="UTF-8"?>
<!--
  Parameters of the HTML rendering (tei-to-html.xsl). Set them from Python:
  render(tree, "html", notes_heading="Endnotes") (underscores become hyphens).
  Labels are parameters so that a translation needs no stylesheet change.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- Language of the page when the TEI has no xml:lang. -->
  <xsl:param name="lang" select="'en'"/>

  <!-- The built-in style sheet: tei.render passes the text of tei-to-html.css here,
       so that the page carries its style and needs no other file. -->
  <xsl:param name="css" select="''"/>

  <!-- CSS appended after the built-in style sheet (a customization layer). -->
  <xsl:param name="css-extra" select="''"/>

  <!-- Headings and labels. -->
  <xsl:param name="participants-heading" select="'Participants'"/>
  <xsl:param name="side-label" select="'Side'"/>
  <xsl:param name="mentioned-label" select="'Also mentioned'"/>
  <xsl:param name="speakers-label" select="'Speakers'"/>
  <xsl:param name="toc-heading" select="'Contents'"/>
  <xsl:param name="notes-heading" select="'Notes'"/>
  <xsl:param name="source-label" select="'Source'"/>
  <xsl:param name="pages-label" select="'Printed pages'"/>
  <xsl:param name="page-breaks-label" select="'Page breaks'"/>
  <xsl:param name="subject-label" select="'Subject'"/>
  <xsl:param name="back-label" select="'Back to the text'"/>
  <xsl:param name="untitled" select="'Untitled document'"/>
  <xsl:param name="apparatus-heading" select="'Readings'"/>
  <!-- What stands for an image, which the page does not load. -->
  <xsl:param name="image-label" select="'image'"/>

  <!-- An apparatus entry is referred to as concat($app-prefix, its number): "a3". -->
  <xsl:param name="app-prefix" select="'a'"/>

  <!-- A page break is labelled concat($page-prefix, @n): "p. 40". -->
  <xsl:param name="page-prefix" select="'p. '"/>

  <!-- 'no' leaves out the table of contents. -->
  <xsl:param name="show-toc" select="'yes'"/>

  <!-- Speakers get one of this many colours (classes speaker-c0 … ), by their
       place in the list of persons. tei-to-html.css defines eight. -->
  <xsl:param name="speaker-colours" select="8"/>

</xsl:stylesheet>
