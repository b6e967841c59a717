"""StreamField blocks shared by articles and event reports."""

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False)
    credit = blocks.CharBlock(required=False, help_text="Overrides the credit stored with the image.")

    class Meta:
        icon = "image"
        template = "blocks/captioned_image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock()
    body = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "list-ul"
        template = "blocks/fact_box.html"


class GalleryBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(CaptionedImageBlock(), **kwargs)

    class Meta:
        icon = "image"
        template = "blocks/gallery.html"


class StoryBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol", "h3", "h4"])
    heading = blocks.CharBlock(form_classname="title", template="blocks/heading.html")
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(help_text="Video hosted on a service readers in China can reach.")
    gallery = GalleryBlock()
    fact_box = FactBoxBlock()
